/** The built-in list under the seed file's name, so its tracker is the CLI's default one byte for byte. */
export const BUILTIN_FILE_NAME = "jiangxi-vocational-education-tasks.txt";
