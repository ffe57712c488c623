import Papa from 'papaparse';
import { unneutralise } from '../../shared/csv.ts';

/** Saves text as a file through the browser's download (nothing leaves the machine). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function stamp(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A problem the CSV reader found: Papa Parse's code (MissingQuotes, …) and its English message. */
export interface CsvFormatProblem {
  row: number;
  code: string;
  message: string;
}

/** Reads a CSV file in chunks, reporting progress (0..1); first row is the header. */
export function parseCsvFile(
  file: File,
  onProgress: (share: number) => void,
): Promise<{ header: string[]; rows: string[][]; errors: CsvFormatProblem[] }> {
  return new Promise((resolve, reject) => {
    const all: string[][] = [];
    const errors: CsvFormatProblem[] = [];
    Papa.parse<string[]>(file, {
      header: false,
      skipEmptyLines: true,
      chunkSize: 256 * 1024,
      chunk(results) {
        for (const row of results.data) all.push(row.map(unneutralise));
        for (const error of results.errors)
          if (errors.length < 5) errors.push({ row: (error.row ?? 0) + 1, code: error.code, message: error.message });
        onProgress(Math.min(1, results.meta.cursor / Math.max(1, file.size)));
      },
      complete() {
        onProgress(1);
        const [header = [], ...rows] = all;
        if (header[0]?.startsWith('\uFEFF')) header[0] = header[0].slice(1);
        resolve({ header, rows, errors });
      },
      error(error) {
        reject(error);
      },
    });
  });
}
