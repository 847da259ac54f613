// The course's plots and diagrams, all drawn with d3. Import them in a page or a cell:
//   import {functionPlot, lossCurve, decisionMap} from "./components/index.js";
// Each returns an element (display it) with an update(…) method that redraws in place and destroy(); pass the
// cell's `invalidation` promise so timers and listeners stop when the cell reruns.
export {PRESET_NAMES, PRESETS} from "./activations.js";
export {type BatchPlan, type BatchPlanOptions, batchPlan, describePlan} from "./batchPlan.js";
export {type ComputationalGraph, type ComputationalGraphOptions, computationalGraph} from "./computationalGraph.js";
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
export {type DecisionMap, type DecisionMapOptions, decisionMap, type Model} from "./decisionMap.js";
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
export {sideBySide} from "./layout.js";
export {type LossCurve, type LossCurveOptions, type LossPoint, lossCurve} from "./lossCurve.js";
export {type MatrixView, type MatrixViewOptions, matrixView} from "./matrixView.js";
export {type NetworkDiagram, type NetworkDiagramOptions, networkDiagram} from "./networkDiagram.js";
export {OKABE_ITO, SERIES, SIGN} from "./palette.js";
export {type SoftmaxBars, type SoftmaxBarsOptions, softmaxBars} from "./softmaxBars.js";
