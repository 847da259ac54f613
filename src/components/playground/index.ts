// The Playground page's component and its pure helpers. Import from a page:
//   import {playgroundApp, rewritePlaygroundCell} from "./components/playground/index.js";
// (Not re-exported by components/index.js, so that the other pages do not load it.)
export {type PlaygroundApp, type PlaygroundAppOptions, playgroundApp} from "./app.js";
export {
  buildNetwork,
  CELL_NAMES,
  type CellValues,
  playgroundCell,
  readCell,
  rewritePlaygroundCell,
  trainOptions
} from "./cell.js";
export {CsvError, parseCsv} from "./csv.js";
export {dataToCSV, generateData, type PlaygroundData} from "./data.js";
export {FEATURE_IDS, FEATURES, type FeatureId, featureMatrix} from "./features.js";
export {modelFromFile, modelToFile} from "./modelFile.js";
export {Session} from "./session.js";
export {DEFAULT_SETTINGS, type PlaygroundSettings, type SettingKey} from "./settings.js";
export {decodeSettings, encodeSettings} from "./url.js";
