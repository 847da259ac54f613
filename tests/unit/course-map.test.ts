// The home page's course map data: every chapter of the config, in order, with the exercises its page holds.
import {describe, expect, it} from "vitest";
import {chapters} from "../../observablehq.config.js";
import {courseChapters, courseMapScript} from "../../src/build/course-map.js";

describe("course map data", () => {
  it("lists every chapter of the config in order, with its exercise ids read from the page now", () => {
    const map = courseChapters(chapters);
    expect(map.map((c) => c.path)).toEqual(chapters.map((c) => c.path));
    const softmax = map.find((c) => c.path === "/softmax");
    expect(softmax?.exercises.length).toBeGreaterThanOrEqual(4);
    expect(softmax?.exercises.every((id) => id.startsWith("softmax/"))).toBe(true);
  });

  it("embeds it as JSON that no chapter name can break out of", () => {
    const script = courseMapScript([{name: "</script><b>", path: "/softmax"}]);
    expect(script.match(/<\/script>/g)?.length).toBe(1);
    const json = script.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
    expect(JSON.parse(json)[0].name).toBe("</script><b>");
  });
});
