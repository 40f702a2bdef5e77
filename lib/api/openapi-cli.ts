// `npm run openapi:write` regenerates openapi.json from the zod schemas; `npm run openapi:check`
// (part of `npm test`) regenerates it in memory and fails if the committed file differs.
import fs from "node:fs";
import path from "node:path";
import { openApiText } from "./openapi";

const file = path.resolve(import.meta.dirname, "../../openapi.json");
const generated = openApiText();
if (process.argv.includes("--check")) {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (committed !== generated) {
    console.error("openapi.json is out of date with the API's zod schemas. Run `npm run openapi:write` and commit the result.");
    process.exit(1);
  }
  console.log("openapi.json matches the API's schemas.");
} else {
  fs.writeFileSync(file, generated);
  console.log(`Wrote ${path.relative(process.cwd(), file)} (${generated.length.toLocaleString("en-US")} characters).`);
}
