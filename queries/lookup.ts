// Tables keyed by what people type (state codes, country names, city nicknames, specialty synonyms)
// are plain objects; indexing one with "constructor" or "toString" would find Object.prototype's
// members instead of nothing. Every such lookup goes through `own`, which only sees the table's own keys.
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
