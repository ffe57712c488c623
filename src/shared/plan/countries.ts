/**
 * The countries whose public holidays date-holidays knows (3.37.0), as ISO 3166 codes. Kept as a
 * plain list so the first-run form can offer them without loading the library (and its data) into
 * the popup; test/unit/plan-holidays.test.ts keeps it equal to the library's own list.
 */
export const HOLIDAY_COUNTRIES: readonly string[] = (
  'AD,AE,AG,AI,AL,AM,AO,AR,AS,AT,AU,AW,AX,AZ,BA,BB,BD,BE,BF,BG,BH,BI,BJ,BL,BM,BN,BO,BQ,BR,BS,BW,BY,BZ,CA,CC,CD,CF,' +
  'CG,CH,CI,CK,CL,CM,CN,CO,CR,CU,CV,CW,CX,CY,CZ,DE,DJ,DK,DM,DO,DZ,EC,EE,EG,EH,ER,ES,ET,FI,FJ,FO,FR,GA,GB,GD,GE,GF,' +
  'GG,GH,GI,GL,GM,GN,GP,GQ,GR,GT,GU,GW,GY,HK,HN,HR,HT,HU,IC,ID,IE,IL,IM,IN,IR,IS,IT,JE,JM,JP,KE,KM,KN,KR,KY,KZ,LC,' +
  'LI,LK,LR,LS,LT,LU,LV,LY,MA,MC,MD,ME,MF,MG,MK,ML,MQ,MR,MS,MT,MU,MW,MX,MY,MZ,NA,NC,NE,NF,NG,NI,NL,NO,NZ,PA,PE,PF,' +
  'PH,PK,PL,PM,PR,PT,PY,RE,RO,RS,RU,RW,SA,SC,SD,SE,SG,SH,SI,SJ,SK,SL,SM,SN,SO,SR,SS,ST,SV,SX,SZ,TC,TD,TG,TH,TN,TO,' +
  'TR,TT,TW,TZ,UA,UG,US,UY,UZ,VA,VC,VE,VG,VI,VN,VU,WF,XK,YT,ZA,ZM,ZW'
).split(',');

/** The region of a locale ("de-AT" → AT; "de" → DE by likely subtags), when holidays are known for it. */
export function countryOfLocale(locale: string): string | undefined {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && HOLIDAY_COUNTRIES.includes(region) ? region : undefined;
  } catch {
    return undefined;
  }
}

/** The countries with their names in `locale`, sorted by name as that language sorts. */
export function countryOptions(locale: string): { code: string; name: string }[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    names = undefined;
  }
  const collator = new Intl.Collator(locale);
  return HOLIDAY_COUNTRIES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
