// Search for the Einbindungsassistent: finds bodies by name or official key
// while a webmaster types ("Sege", "Mölln", "Moelln", "Landkreis Gifhorn",
// "01 060"). Entries are { k: key, n: name, t: kind, d: in the dataset }, as
// `partnerships-data suggestions` writes them. An ES module for the
// assistant page only; nothing here is loaded by partnerships.js.

// Words that name a kind of body, not the body: a query may start with them.
const KIND_WORDS = new Set([
  "landkreis", "kreis", "kreisfreie", "stadt", "hansestadt", "landeshauptstadt",
  "gemeinde", "amt", "land", "freistaat", "freie", "und", "region", "stadtkreis",
]);

/**
 * Folds text for comparing: lower case, no accents, ß as ss, and ä/ö/ü the
 * same as ae/oe/ue (so "Mölln", "Molln" and "Moelln" are one).
 */
export function fold(text) {
  return String(text)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/([aou])e/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of folded text (split at spaces, hyphens, commas, slashes). */
const words = (folded) => folded.split(/[\s\-,/()]+/).filter(Boolean);

/**
 * The entries that match `query`, best first, at most `limit`:
 * an exact key, then keys that start with it, then names whose first word
 * (after a kind word such as "Kreis") or any later word starts with it, then
 * names that contain it. Bodies of the dataset before others, then by key.
 */
export function search(entries, query, limit = 10) {
  const raw = String(query ?? "").trim();
  if (!raw) return [];
  const digits = raw.replace(/\s+/g, "");
  const isKey = /^\d+$/.test(digits);
  const folded = fold(raw);
  // "Landkreis Gifhorn" looks for "gifhorn"; "Kreis" alone looks for "kreis".
  const queryWords = words(folded);
  const meaningful = queryWords.filter((w) => !KIND_WORDS.has(w));
  const wanted = (meaningful.length ? meaningful : queryWords).join(" ");
  const ranked = [];
  for (const entry of entries) {
    let rank = -1;
    if (isKey) {
      if (entry.k === digits) rank = 0;
      else if (entry.k.startsWith(digits)) rank = 1;
    } else {
      const name = fold(entry.n);
      const nameWords = words(name);
      const own = nameWords.filter((w) => !KIND_WORDS.has(w)).join(" ");
      if (own.startsWith(wanted) || name.startsWith(folded)) rank = 2;
      else if (nameWords.some((w) => w.startsWith(wanted))) rank = 3;
      else if (name.includes(wanted)) rank = 4;
    }
    if (rank >= 0) ranked.push({ rank, entry });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(Boolean(b.entry.d)) - Number(Boolean(a.entry.d)) ||
      a.entry.k.length - b.entry.k.length ||
      a.entry.k.localeCompare(b.entry.k),
  );
  return ranked.slice(0, limit).map((r) => r.entry);
}
