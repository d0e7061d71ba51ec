// Test data made from the shipped dataset.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * A host with more partnerships than the box shows at first: the real
 * dataset plus 44 copies of one partnership of Kreis Segeberg (47 in all).
 */
export function manyPartnerships() {
  const dataset = JSON.parse(readFileSync(join(ROOT, "www", "partnerships.json"), "utf8"));
  const model = dataset.partnerships.find((p) => p.id === "it-allianz-nord-aoer");
  for (let i = 1; i <= 44; i++) {
    const year = 2000 + (i % 20);
    dataset.partnerships.push({
      ...model,
      id: `kopie-${i}`,
      title: `Kopie ${i}`,
      partners: model.partners.map((p) => ({ ...p, since: `${year}-01-01` })),
    });
  }
  return dataset;
}

/**
 * Kreis Segeberg with 24 more partners: 24 Gemeinden of the Kreis, each in
 * a partnership with it (test data, not facts).
 */
export function widePartnerNetwork() {
  const dataset = JSON.parse(readFileSync(join(ROOT, "www", "partnerships.json"), "utf8"));
  const model = dataset.partnerships.find((p) => p.id === "it-allianz-nord-aoer");
  for (let i = 1; i <= 24; i++) {
    const key = `01060${String(i).padStart(3, "0")}`;
    dataset.bodies.push({ key, name: `Testgemeinde ${i}` });
    dataset.partnerships.push({
      ...model,
      id: `testkooperation-${i}`,
      title: `Testkooperation ${i}`,
      partners: [model.partners[0], { ...model.partners[0], key }],
    });
  }
  return dataset;
}

/** The hosts of the twenty-boxes pages: ten hosts of every level, each twice. */
const TEN_HOSTS = ["01060", "03103000", "13", "01", "01053090", "010545488", "03151", "09178120", "01003000", "03101000"];
export const TWENTY_HOSTS = [...TEN_HOSTS, ...TEN_HOSTS];
