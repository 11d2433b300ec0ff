/**
 * The family of a NAF section, as INSEE's aggregation A10 of the NAF rév. 2 groups sections
 * (https://www.insee.fr/fr/information/2120875): peers are compared within a family, since a
 * single section holds too few organisations on one instance.
 */
const FAMILIES: Record<string, string> = {
  A: 'AZ',
  B: 'BE', C: 'BE', D: 'BE', E: 'BE',
  F: 'FZ',
  G: 'GI', H: 'GI', I: 'GI',
  J: 'JZ',
  K: 'KZ',
  L: 'LZ',
  M: 'MN', N: 'MN',
  O: 'OQ', P: 'OQ', Q: 'OQ',
  R: 'RU', S: 'RU', T: 'RU', U: 'RU',
};

/** The A10 family of a NAF section letter; undefined for anything else. */
export function sectorFamily(section: unknown): string | undefined {
  return typeof section === 'string' ? FAMILIES[section] : undefined;
}
