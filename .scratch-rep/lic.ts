import { LICENCES } from "../lib/domain/catalog";
for (const l of LICENCES) console.log(l.id, "|", l.spdx, "|", l.name);
