// Bundled as text by webpack (asset/source): the pane works offline with the built-in list.
import seed from "../../seeds/jiangxi-vocational-education-tasks.txt";

export const BUILTIN_LIST_TEXT: string = seed;
export const BUILTIN_LIST_NAME = "江西省职业教育工作任务清单";
