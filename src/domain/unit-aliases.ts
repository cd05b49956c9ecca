/**
 * Other spellings and short forms of a unit → the name offices usually write. A list's
 * own spelling is never replaced by an entry here alone: the entry only merges two
 * spellings that occur in the same list (see resolveListUnits); otherwise it is offered
 * as a suggestion in the preview. Keys and values are compared by unitKey (width folded).
 */
export const UNIT_ALIASES: Readonly<Record<string, string>> = {
  相关行业主管部门: "有关行业主管部门",
  各行业主管部门: "有关行业主管部门",
  有关行业部门: "有关行业主管部门",
  省人社厅: "省人力资源社会保障厅",
  省人力资源和社会保障厅: "省人力资源社会保障厅",
  省发改委: "省发展改革委",
  省发展和改革委员会: "省发展改革委",
  省工信厅: "省工业和信息化厅",
  省文旅厅: "省文化和旅游厅",
  省市场监督管理局: "省市场监管局",
  省纪委监委: "省纪委省监委",
  "省纪委、省监委": "省纪委省监委",
  江西省教育厅: "省教育厅",
  "各市、县(市、区)政府": "各市、县(市、区)人民政府",
};

/**
 * Names that are official in their own right but close to another: only ever suggested.
 * 设区市 (prefecture-level cities) are not all 市, so "各设区市人民政府" stays itself.
 */
export const UNIT_SUGGESTIONS: Readonly<Record<string, string>> = {
  各设区市人民政府: "各市人民政府",
  "各设区市、县(市、区)人民政府": "各市、县(市、区)人民政府",
};

/**
 * Names that contain the list separator "、" but are one unit (compared width-folded).
 * "各市、县(市、区)…" style names are also recognised by pattern in units.ts.
 */
export const COMPOUND_UNITS: readonly string[] = [
  "各市、县(市、区)人民政府",
  "各设区市、县(市、区)人民政府",
  "各市、县(市、区)政府",
  "省纪委、省监委",
];
