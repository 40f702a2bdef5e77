// Supply-chain facts about the weights the team will run: where they come from (repository and
// pinned commit), what the files are (SHA-256 per file, safetensors only, i.e. no pickle files
// that run code when loaded), whether a signature was verified, the serving engine, the guard
// model, and where the evaluation evidence is. All optional, entered by the team: the AI bill of
// materials (lib/domain/bom) reports what is entered and says what is not.
import { z } from "zod";
import { TEXT_MAX, ZHttpUrl, zText } from "../shared";

/** A Hugging Face repository id, "owner/name". */
export const ZHfRepoId = zText({ min: 3, max: 200 }).refine((v) => /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/.test(v), "a Hugging Face repository id such as meta-llama/Llama-3.3-70B-Instruct");

/** Weight formats that can execute code when loaded (Python pickle and what wraps it). */
export const PICKLE_EXTENSIONS = [".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt"] as const;
export const isPickleFile = (file: string) => PICKLE_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext));

export const ZWeightFile = z.strictObject({
  file: zText({ min: 1, max: TEXT_MAX.name, tooShort: "name the file (e.g. model-00001-of-00030.safetensors)" }),
  sha256: zText({ trim: true, min: 64, max: 64, tooShort: "a SHA-256 is 64 hexadecimal characters", tooLong: "a SHA-256 is 64 hexadecimal characters" })
    .transform((v) => v.toLowerCase())
    .refine((v) => /^[0-9a-f]{64}$/.test(v), "a SHA-256 is 64 hexadecimal characters (0-9, a-f)"),
});
export type TWeightFile = z.infer<typeof ZWeightFile>;

export const ZEvidenceLink = z.strictObject({
  label: zText({ min: 1, max: TEXT_MAX.name, tooShort: "say what the evidence is (e.g. red-team report, Q3)" }),
  url: ZHttpUrl,
});

export const ZSupplyChainInputs = z
  .strictObject({
    /** Where the weights come from; defaults to the catalog model's repository. */
    hfRepo: ZHfRepoId.optional(),
    /** The full commit hash the deployment pins (a branch name such as "main" moves). */
    pinnedRevision: zText({ trim: true, min: 40, max: 40, tooShort: "the full 40-character commit hash, not a branch name", tooLong: "the full 40-character commit hash" })
      .transform((v) => v.toLowerCase())
      .refine((v) => /^[0-9a-f]{40}$/.test(v), "the full 40-character commit hash (0-9, a-f), not a branch name")
      .optional(),
    weightFiles: z.array(ZWeightFile).max(500).optional(),
    /** Only .safetensors files are loaded (no pickle-based weights). */
    safetensorsOnly: z.boolean().optional(),
    /** The weights' signature (e.g. a Sigstore model signature) was verified before deployment. */
    signatureVerified: z.boolean().optional(),
    servingEngine: zText({ max: TEXT_MAX.short }).optional(),
    servingEngineVersion: zText({ max: 40 }).optional(),
    /** The guard model's repository, when input or output filtering uses one. */
    guardModel: ZHfRepoId.optional(),
    /** Evaluation reports, red-team findings and other evidence, as links. */
    evidence: z.array(ZEvidenceLink).max(50).optional(),
  })
  .superRefine((s, ctx) => {
    if (!s.safetensorsOnly) return;
    (s.weightFiles ?? []).forEach((f, i) => {
      if (isPickleFile(f.file)) ctx.addIssue({ code: "custom", path: ["weightFiles", i, "file"], message: `${f.file} is a pickle-based file, which contradicts "safetensors only"` });
    });
  });
export type TSupplyChainInputs = z.infer<typeof ZSupplyChainInputs>;
