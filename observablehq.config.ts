export default {
  root: "src",
  title: "Test",
  globalStylesheets: [],
  pages: []
};
