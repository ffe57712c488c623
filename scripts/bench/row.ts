export interface BenchRow {
  budget: string;
  measured: string;
  limit: string;
  ok: boolean;
}
