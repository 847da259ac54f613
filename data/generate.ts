// Regenerates the CSV files in this folder from the library: npx tsx data/generate.ts
import {writeDataFiles} from "../src/lib/nn/node.js";

console.log(`wrote ${writeDataFiles("data").join(", ")}`);
