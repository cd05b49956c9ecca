/** MIME type of a .docx; its own module so the pane can name it without loading the docx package. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
