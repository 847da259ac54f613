// The network library: everything the lessons, tests and benchmarks use, from one place.
//
//   import {Matrix, network, train, spirals} from "./lib/nn/index.js";
//
// Each module below holds one idea; read them in this order to follow a training step from start to end.

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
/** Forward and backward passes over a batch, with reusable buffers. */
export {backward, forward, Gradients, Workspace} from "./backprop.js";
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
/** Backprop checked against central differences. */
export {type GradientCheckOptions, type GradientCheckResult, gradientCheck} from "./gradient-check.js";
/** Initial weights: small uniform, Xavier/Glorot, He. */
export {type Initializer, type InitName, initializer, initNames, initWeights} from "./init.js";
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
/** Matrices (row-major Float64Array; samples are rows, Z = A_prev · W + b). */
export {Matrix, type Operand, sameShape, toMatrix} from "./matrix.js";
/** Accuracy and predicted classes. */
export {accuracy, countCorrect, predictClasses} from "./metrics.js";
/** scikit-learn-style models. */
export {
  type MLPActivation,
  MLPClassifier,
  type MLPLearningRate,
  type MLPOptions,
  MLPRegressor
} from "./mlp.js";
/** Layers and networks. */
export {Layer, type LayerSpec, type LossAndGradients, Network, type NetworkSpec, network} from "./network.js";
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
/** Matrix products written into existing matrices (the loops training spends its time in). */
export {
  affineInto,
  columnSumsInto,
  matmulInto,
  matmulTransposeAInto,
  matmulTransposeBInto
} from "./products.js";
/** Seeded random numbers (mulberry32). */
export {Random} from "./random.js";
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
/** Keras-style models. */
export {
  type CompileOptions,
  dense,
  type FitOptions,
  type History,
  Sequential,
  sequential
} from "./sequential.js";
/** scikit-learn's stopping rule (tol, nIterNoChange), and early stopping on held-out samples. */
export {EarlyStopping, Plateau} from "./stopping.js";
/** Training that never blocks the page: an async iterator of per-epoch progress. */
export {type LiveTrainOptions, nextTask, train} from "./train.js";
/** The training loop: synchronous core and one-call training. */
export {Trainer, type TrainOptions, type TrainProgress, type TrainResult, trainSync} from "./trainer.js";
/** Scalar automatic differentiation for computational graphs. */
export {toValue, Value} from "./value.js";
