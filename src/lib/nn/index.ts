// The network library: everything the lessons, tests and benchmarks use, from one place.
//
//   import {Matrix, network, train, spirals} from "./lib/nn/index.js";
//
// Each module below holds one idea. They are listed in reading order, which follows a training step from start
// to end: matrices and random numbers, the layers of a network and their first weights, the loss, the chain rule
// (for single numbers in value.ts, for whole batches in backprop.ts), the update, and the loop that repeats it;
// then the data to train on and two familiar faces (scikit-learn's and Keras's) on the same core.
// The site's source pages (/source/) list the files in this order.
// biome-ignore-all assist/source/organizeImports: the exports are in reading order, not in alphabetical order

/** Matrices (row-major Float64Array; samples are rows, Z = A_prev · W + b). */
export {Matrix, type Operand, sameShape, toMatrix} from "./matrix.js";
/** Seeded random numbers (mulberry32). */
export {Random} from "./random.js";
/** Activation functions g and their derivatives, by name. */
export {
  type Activation,
  type ActivationName,
  activate,
  activation,
  activationDerivative,
  activationNames,
  activations,
  LEAKY_SLOPE,
  softmax,
  softmaxJacobian
} from "./activations.js";
/** Initial weights: small uniform, Xavier/Glorot, He. */
export {type Initializer, type InitName, initializer, initNames, initWeights} from "./init.js";
/** Layers and networks. */
export {Layer, type LayerSpec, type LossAndGradients, Network, type NetworkSpec, network} from "./network.js";
/** Losses: mse, binary cross-entropy, cross-entropy (also from logits). */
export {
  checkLoss,
  type LossName,
  type LossOptions,
  lossGradientInto,
  lossNames,
  lossValue,
  oneHot,
  type Targets,
  targetMatrix
} from "./losses.js";
/** Scalar automatic differentiation for computational graphs. */
export {toValue, Value} from "./value.js";
/** Forward and backward passes over a batch, with reusable buffers. */
export {backward, forward, Gradients, Workspace} from "./backprop.js";
/** Matrix products written into existing matrices (the loops training spends its time in). */
export {
  affineInto,
  columnSumsInto,
  matmulInto,
  matmulTransposeAInto,
  matmulTransposeBInto
} from "./products.js";
/** Backprop checked against central differences. */
export {type GradientCheckOptions, type GradientCheckResult, gradientCheck} from "./gradient-check.js";
/** Optimizers: sgd, momentum, adam. */
export {
  type AdamOptions,
  adam,
  type MomentumOptions,
  momentum,
  type Optimizer,
  type OptimizerName,
  type OptimizerSpec,
  optimizer,
  optimizerNames,
  sgd
} from "./optimizers.js";
/** Regularisation: the L1 and L2 penalties on the weights. */
export {addPenalty, type Penalty} from "./regularization.js";
/** Learning-rate schedules: constant, inverse scaling, step decay, adaptive. */
export {
  adaptive,
  constant,
  inverseScaling,
  type Schedule,
  type ScheduleName,
  type ScheduleOptions,
  type ScheduleSpec,
  schedule,
  scheduleNames,
  stepDecay
} from "./schedules.js";
/** scikit-learn's stopping rule (tol, nIterNoChange), and early stopping on held-out samples. */
export {EarlyStopping, Plateau} from "./stopping.js";
/** The check every training loop makes: a loss of NaN or ∞ stops training with the epoch and the learning rate. */
export {stopIfDiverged} from "./check.js";
/** The training loop: synchronous core and one-call training. */
export {Trainer, type TrainOptions, type TrainProgress, type TrainResult, trainSync} from "./trainer.js";
/** Data augmentation: new samples from old ones (digits turned, resized and moved a little). */
export {type Augment, type DistortOptions, distortImages} from "./augment.js";
/** Training that never blocks the page: an async iterator of per-epoch progress. */
export {type LiveTrainOptions, nextTask, train} from "./train.js";
/** Keeping a trained network: to JSON and back. */
export {type LayerJSON, NETWORK_FORMAT, type NetworkJSON, networkFromJSON, networkToJSON} from "./serialize.js";
/** Accuracy, predicted classes and the confusion matrix. */
export {accuracy, confusionMatrix, countCorrect, predictClasses} from "./metrics.js";
/** Datasets: gate tables, the regression table, coffee, blobs, circles, moons, spirals, iris. */
export {
  blobs,
  circles,
  coffee,
  type Dataset,
  type GateName,
  type GeneratorOptions,
  gate,
  gateNames,
  iris,
  linearRegressionTable,
  moons,
  spirals,
  standardize,
  toCSV,
  trainTestSplit
} from "./datasets.js";
/** Handwritten digits (8×8) from the file the data loader writes. */
export {type DigitsJSON, digitsFromJSON, reduceMnist, shrinkImage} from "./digits.js";
/** MNIST digits at full size (28×28), packed into bytes at build time. */
export {MNIST_SIDE, type PackOptions, packMnist, unpackMnist} from "./mnist.js";
/** Convolution in one dimension: one kernel slid along a signal. */
export {conv1d, conv1dOutputLength} from "./conv1d.js";
/** scikit-learn-style models. */
export {
  type MLPActivation,
  MLPClassifier,
  type MLPLearningRate,
  type MLPOptions,
  MLPRegressor
} from "./mlp.js";
/** Keras-style models. */
export {
  type CompileOptions,
  dense,
  type FitOptions,
  type History,
  Sequential,
  sequential
} from "./sequential.js";
