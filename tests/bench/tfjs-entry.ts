// Bundled by tfjs.ts with esbuild: tfjs-core's ES modules with every gradient registered, plus the CPU backend.
// (The package's Node entry registers no gradients, and its ES modules cannot be loaded by Node unbundled.)
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-backend-cpu";

export * from "@tensorflow/tfjs-core";
