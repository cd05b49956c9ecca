/**
 * Equivalent wordings and short forms → the canonical unit name. Extend freely: keys
 * are compared after unit-name normalisation (full-width brackets, no spaces).
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
  各设区市人民政府: "各市人民政府",
  "各市、县(市、区)政府": "各市、县(市、区)人民政府",
  "各设区市、县(市、区)人民政府": "各市、县(市、区)人民政府",
};

/**
 * Names that contain the list separator "、" but are one unit. Matched before splitting.
 */
export const COMPOUND_UNITS: readonly string[] = [
  "各市、县(市、区)人民政府",
  "各设区市、县(市、区)人民政府",
  "各市、县(市、区)政府",
  "省纪委、省监委",
];
