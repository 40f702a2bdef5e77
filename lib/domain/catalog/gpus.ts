// Accelerators with DENSE peak throughput, in data/gpus.json. NVIDIA's spec pages headline 2:4-sparsity
// figures (twice the dense rate); sizing from those would halve every compute-bound time estimate.
// driverMemoryBytes is the total nvidia-smi prints ("81559MiB") in bytes; AMD and Intel parts keep
// their nominal binary capacity where no rocm-smi/hl-smi capture was found.
import type { TGpu } from "../shared";
import { parseCatalogRows } from "./catalog-schema";
import GPU_ROWS from "./data/gpus.json";
import { indexById } from "./lookup";

export const GPUS: readonly TGpu[] = parseCatalogRows("gpus", GPU_ROWS);

export const getGpu = indexById(GPUS, "GPU");
