// Child process for the crash test: runs one encode job and is killed mid-way.
import { runEncodeImageJob } from "../encode-image-job";

const job = JSON.parse(process.argv[2] ?? "{}") as { modelId: string; imageSha256: string; imageId: string };
void runEncodeImageJob(job).then(() => process.exit(0));
