// The course's plots and diagrams, all drawn with d3. Import them in a page or a cell:
//   import {functionPlot, lossCurve, decisionMap} from "./components/index.js";
// Each returns an element (display it) with an update(…) method that redraws in place and destroy(); pass the
// cell's `invalidation` promise so timers and listeners stop when the cell reruns.
export {PRESET_NAMES, PRESETS} from "./activations.js";
export {type BackpropDiagram, type BackpropDiagramOptions, backpropDiagram} from "./backpropDiagram.js";
export {type BackpropStep, backpropSteps} from "./backpropSteps.js";
export {type BatchPlan, type BatchPlanOptions, batchPlan, describePlan} from "./batchPlan.js";
export {type ComputationalGraph, type ComputationalGraphOptions, computationalGraph} from "./computationalGraph.js";
export {
  type ConfusionView,
  type ConfusionViewOptions,
  confusionShade,
  confusionView,
  describeConfusion,
  topConfusions
} from "./confusionView.js";
export {
  button,
  type Control,
  controlRow,
  type PlayControls,
  type PlayControlsOptions,
  parseSizes,
  playControls,
  type SelectOptions,
  type SliderOptions,
  select,
  sizesInput,
  slider
} from "./controls.js";
export {
  type CurveData,
  type CurveMark,
  type CurvePlot,
  type CurvePlotOptions,
  type CurvePoint,
  type CurveSeries,
  curvePlot
} from "./curvePlot.js";
export {type DecisionLine, type DecisionLineOptions, decisionLine} from "./decisionLine.js";
export {type DecisionMap, type DecisionMapOptions, decisionMap, type Model} from "./decisionMap.js";
export {type DigitGrid, type DigitGridOptions, digitGrid} from "./digitGrid.js";
export {
  blankImage,
  centreByMass,
  centreOfMass,
  cropToInk,
  type InkImage,
  inkBounds,
  preprocessDigit,
  scaleInto,
  squareImage,
  stampLine
} from "./digitImages.js";
export {type Download, type DownloadOptions, download, inflate} from "./download.js";
export {type DrawingPad, type DrawingPadOptions, drawingPad} from "./drawingPad.js";
export {parseFunction} from "./expression.js";
export {type FunctionPlot, type FunctionPlotOptions, functionPlot} from "./functionPlot.js";
export {type GradientDescent1d, type GradientDescent1dOptions, gradientDescent1d} from "./gradientDescent1d.js";
export {
  type Function2d,
  type GradientDescent2d,
  type GradientDescent2dOptions,
  gradientDescent2d
} from "./gradientDescent2d.js";
export {type Bin, binValues, type Histogram, type HistogramOptions, histogram} from "./histogram.js";
export {figure, sideBySide} from "./layout.js";
export {type LossCurve, type LossCurveOptions, type LossPoint, lossCurve} from "./lossCurve.js";
export {type LossMap, type LossMapOptions, lossMap} from "./lossMap.js";
export {type MatrixView, type MatrixViewOptions, matrixView} from "./matrixView.js";
export {type NetworkDiagram, type NetworkDiagramOptions, networkDiagram} from "./networkDiagram.js";
export {OKABE_ITO, SERIES, SIGN} from "./palette.js";
export {type LineWeights, lineEquation} from "./planeGeometry.js";
export {type Playground, type PlaygroundOptions, type PlaygroundRun, playground} from "./playground.js";
export {
  buildPlayground,
  DEFAULT_PLAYGROUND,
  HIDDEN_ACTIVATIONS,
  type HiddenActivation,
  LEARNING_RATES,
  PLAYGROUND_DATASETS,
  type PlaygroundConfig,
  type PlaygroundDataName,
  playgroundSource,
  readPlayground,
  rewritePlaygroundSource
} from "./playgroundConfig.js";
export {type ProbabilityBars, type ProbabilityBarsOptions, probabilityBars} from "./probabilityBars.js";
export {
  type Field,
  type ReceptiveFields,
  type ReceptiveFieldsOptions,
  receptiveFields,
  receptiveFieldsOf,
  type WindowLayer
} from "./receptiveFields.js";
export {type ResidualPlot, type ResidualPlotOptions, residualPlot} from "./residualPlot.js";
export {sliderGroup} from "./sliderGroup.js";
export {type SoftmaxBars, type SoftmaxBarsOptions, softmaxBars} from "./softmaxBars.js";
