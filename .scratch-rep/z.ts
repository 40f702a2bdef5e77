import { z } from "zod";
const s = z.object({ a: z.boolean().default(true) });
const o = z.strictObject({ a: s.shape.a.optional() });
console.log(o.parse({}), o.parse({a:false}));
const u = z.strictObject({ a: s.shape.a.unwrap().optional() });
console.log(u.parse({}));
console.log(u.safeParse({b:1}).error?.issues);
import { ZCapabilityInputs } from "../lib/domain/capability-inputs";
console.log(typeof (ZCapabilityInputs as any).shape, Object.keys((ZCapabilityInputs as any).shape));
