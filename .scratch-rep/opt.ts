import { candidateOptionGroups, incumbentOptionGroups, describeIncumbent, describeCandidate } from "../lib/domain/catalog-options";
import { LICENCES } from "../lib/domain/catalog";
import { licenceShortName } from "../lib/domain/catalog-options";
for (const g of candidateOptionGroups()) { console.log("#", g.label); for (const o of g.options) console.log("  ", o.value, "=>", o.label); }
for (const g of incumbentOptionGroups()) { console.log("#", g.label); for (const o of g.options) console.log("  ", o.value, "=>", o.label); }
console.log(describeIncumbent("openai-gpt-4o"), "|", describeCandidate("llama-3.3-70b-instruct"));
for (const l of LICENCES) console.log(l.id, "=>", licenceShortName(l));
