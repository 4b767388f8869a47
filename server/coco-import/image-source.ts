// Where a COCO import finds its image files: an uploaded zip or a folder
// under the import root. Looked up by the COCO file_name.
export type ImageSource = {
  /** For messages: "the uploaded zip", "the folder batch-1". */
  describe: string;
  has(fileName: string): Promise<boolean>;
  read(fileName: string): Promise<Buffer>;
  close(): void;
};
