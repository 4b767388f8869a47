// The pure parts of the YOLO import: class names, label lines, and finding
// images, labels and names in the layouts different tools write.
import { describe, expect, it } from "vitest";
import { parseYoloClassNames } from "./parse-yolo-class-names";
import { parseYoloLabelFile } from "./parse-yolo-label-file";
import { labelPathFor, pairYoloFiles } from "./pair-yolo-files";

describe("parseYoloClassNames", () => {
  it("reads classes.txt, and data.yaml as a block map, a dash list or an inline list", () => {
    expect(parseYoloClassNames({ classesTxt: "person\ncar\r\n\n" })).toEqual(["person", "car"]);
    expect(parseYoloClassNames({ classesTxt: "person\n\ncar\n" })).toEqual(["person", "class 1", "car"]);
    expect(parseYoloClassNames({ dataYaml: 'path: .\ntrain: images\nnames:\n  0: "traffic light"\n  1: dog\n  2: \'it\'\'s\'\nnc: 3\n' })).toEqual(["traffic light", "dog", "it's"]);
    expect(parseYoloClassNames({ dataYaml: "names:\n  - cat\n  - 'hot dog'\n" })).toEqual(["cat", "hot dog"]);
    expect(parseYoloClassNames({ dataYaml: "nc: 2\nnames: ['a, b', \"c\"]\n" })).toEqual(["a, b", "c"]);
    expect(parseYoloClassNames({ dataYaml: "names:\n  3: far\n" })).toEqual(["class 0", "class 1", "class 2", "far"]);
    expect(parseYoloClassNames({ dataYaml: "train: x\n" })).toBeNull();
    expect(parseYoloClassNames({})).toBeNull();
    expect(() => parseYoloClassNames({ dataYaml: "names: ['a',\n  'b']\n" })).toThrow("must be on one line");
    expect(() => parseYoloClassNames({ dataYaml: "names:\n  person\n" })).toThrow('cannot read the names line "person"');
  });
});

describe("parseYoloLabelFile", () => {
  const parse = (text: string) => parseYoloLabelFile({ text, labelPath: "labels/x.txt", width: 200, height: 100 });

  it("scales normalised points to pixels, skips blank lines and clamps tiny overshoots", () => {
    expect(parse("\n1 0 0 0.5 0 0.5 0.5\n  \n0 -0.005 0.2 1.004 0.2 0.5 1\n")).toEqual([
      { classIndex: 1, ring: [0, 0, 100, 0, 100, 50], line: 2 },
      { classIndex: 0, ring: [0, 20, 200, 20, 100, 100], line: 4 },
    ]);
  });

  it("names the file, the line and what is wrong", () => {
    expect(() => parse("0 0.1 0.1 0.2 0.2")).toThrow("labels/x.txt, line 1: it has 4 numbers, a YOLO detection box");
    expect(() => parse("0 0.1 0.1 0.2 0.2 0.3")).toThrow("line 1: it has 5 coordinates");
    expect(() => parse("0 0.1 0.1 0.2 0.2 0.3 0.3\n0 0.1 0.1\n")).toThrow("line 2: a polygon needs at least 3 points");
    expect(() => parse("0 0.1 0.1 0.2 1.5 0.3 0.3")).toThrow("the coordinate 1.5 is outside 0..1");
    expect(() => parse("person 0.1 0.1 0.2 0.2 0.3 0.3")).toThrow('the class "person" is not a class index');
    expect(() => parse("0 0.1 x 0.2 0.2 0.3 0.3")).toThrow('"x" is not a number');
  });
});

describe("pairYoloFiles", () => {
  it("pairs images with labels in the Ultralytics, split-folder and side-by-side layouts", () => {
    expect(labelPathFor("images/a.b.jpg")).toBe("labels/a.b.txt");
    expect(labelPathFor("ds/train/images/x.PNG")).toBe("ds/train/labels/x.txt");
    expect(labelPathFor("obj_train_data/x.jpg")).toBe("obj_train_data/x.txt");
    const files = pairYoloFiles([
      "ds/data.yaml",
      "ds/train/images/a.jpg",
      "ds/train/labels/a.txt",
      "ds/valid/images/b.png",
      "obj_train_data/c.jpeg",
      "obj_train_data/c.txt",
      "obj.names",
      "__MACOSX/ds/train/images/._a.jpg",
      "ds/train/labels/orphan.txt",
      "README.txt",
    ]);
    expect(files.images).toEqual([
      { imagePath: "ds/train/images/a.jpg", labelPath: "ds/train/labels/a.txt" },
      { imagePath: "ds/valid/images/b.png", labelPath: null },
      { imagePath: "obj_train_data/c.jpeg", labelPath: "obj_train_data/c.txt" },
    ]);
    expect(files.orphanLabels).toEqual(["ds/train/labels/orphan.txt"]);
    expect(files.classesPath).toBe("obj.names");
    expect(files.yamlPath).toBe("ds/data.yaml");
  });
});
