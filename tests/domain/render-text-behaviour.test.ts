import { Task, TaskList, parseTaskList, renderTaskListText } from "../../src/domain";

/**
 * renderTaskListText is the source text a tracker keeps to rebuild from: its exact shape is
 * what the next import reads, so these tests pin the text itself and that it parses back.
 */
const tsv = (rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");
const lines = (...rows: string[]) => rows.join("\n") + "\n";

/** A task as the parser would give it, for lists rebuilt from a workbook rather than parsed. */
function task(id: number, text: string, units: string[], extra: Partial<Task> = {}): Task {
  return { id, text, units, unitsText: units.join("、"), deadline: { kind: "none" }, line: id + 1, ...extra };
}

/** What a re-import must keep: everything but where the rows sat in the text. */
const comparable = (list: TaskList) => ({
  name: list.name,
  units: list.units,
  infoColumns: list.infoColumns,
  tasks: list.tasks.map(({ line: _line, ...rest }) => rest),
});

describe("a parsed table rendered back to text", () => {
  const list = parseTaskList(
    tsv([
      ["序号", "工作任务", "责任单位", "时间节点", "牵头领导", "备注"],
      ["一、", "深化职业教育改革", "", "", "", ""],
      ["1", "推进中等职业教育与普通高中教育协调发展", "省教育厅、各设区市教育局", "2024年底", "张副厅长", ""],
      ["2", "开展职业教育专业设置调整，压减落后专业", "省教育厅", "长期坚持", "张副厅长", "每季度报送"],
      ["二、推进产教融合"],
      ["3", "遴选一批省级产教融合型企业", "省发展改革委、省教育厅", "2024年10月底", "李副厅长", ""],
      ["三、加强教师队伍建设"],
      ["4", "实施县域普通高中教师培训计划", "省教育厅", "", "", ""],
    ]),
  );

  it("has the title, a blank line, one header with 完成时限 once before the other extra columns, each section once, and a final newline", () => {
    expect(renderTaskListText(list)).toBe(
      lines(
        "任务清单",
        "",
        "序号\t政策内容\t责任部门\t完成时限\t牵头领导\t备注",
        "一、深化职业教育改革",
        "1\t推进中等职业教育与普通高中教育协调发展\t省教育厅、各设区市教育局\t2024年底\t张副厅长\t",
        "2\t开展职业教育专业设置调整，压减落后专业\t省教育厅\t长期坚持\t张副厅长\t每季度报送",
        "二、推进产教融合",
        "3\t遴选一批省级产教融合型企业\t省发展改革委、省教育厅\t2024年10月底\t李副厅长\t",
        "三、加强教师队伍建设",
        "4\t实施县域普通高中教师培训计划\t省教育厅\t\t\t",
      ),
    );
  });

  it("parses back to the same tasks, sections, deadlines, units and extra columns", () => {
    expect(comparable(parseTaskList(renderTaskListText(list)))).toEqual(comparable(list));
  });
});

describe("which columns the text has", () => {
  it("a list without deadlines or extra columns has just 序号 / 政策内容 / 责任部门", () => {
    const list = parseTaskList(
      ["城乡供水任务清单", tsv([["序号", "政策内容", "责任部门"], ["1", "推进城乡供水一体化", "省水利厅、省财政厅"], ["2", "开展农村供水水质提升专项行动", "省水利厅"]])].join("\n"),
    );
    expect(renderTaskListText(list)).toBe(
      lines("城乡供水任务清单", "", "序号\t政策内容\t责任部门", "1\t推进城乡供水一体化\t省水利厅、省财政厅", "2\t开展农村供水水质提升专项行动\t省水利厅"),
    );
  });

  it("a deadline written in the task text is not repeated in a 完成时限 column", () => {
    const list = parseTaskList(tsv([["序号", "政策内容", "责任部门"], ["1", "2024年底前建成省级数据共享平台", "省大数据中心"]]));
    expect(list.tasks[0].deadline).toEqual({ kind: "date", date: "2024-12-31", wording: "2024年底前" });
    expect(renderTaskListText(list)).toBe(lines("任务清单", "", "序号\t政策内容\t责任部门", "1\t2024年底前建成省级数据共享平台\t省大数据中心"));
  });

  it("when every task has a deadline from its own column, each row carries it", () => {
    const list = parseTaskList(
      tsv([
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
        ["1", "推进政务服务“一网通办”", "省政务服务办", "省发展改革委", "2024年6月底前"],
        ["2", "优化营商环境评价", "省发展改革委", "", "2024年12月"],
      ]),
    );
    expect(renderTaskListText(list)).toBe(
      lines(
        "任务清单",
        "",
        "序号\t政策内容\t责任部门\t完成时限",
        "1\t推进政务服务“一网通办”\t省政务服务办、省发展改革委\t2024年6月底前",
        "2\t优化营商环境评价\t省发展改革委\t2024年12月",
      ),
    );
  });

  it("extra columns without any deadline follow 责任部门; a task without that information gets an empty cell", () => {
    const list: TaskList = {
      name: "营商环境重点任务",
      units: ["省发展改革委", "省市场监管局"],
      infoColumns: ["牵头领导", "备注"],
      tasks: [
        task(1, "开展营商环境评价", ["省发展改革委"], { info: { 牵头领导: "王副省长", 备注: "按季度报送" } }),
        task(2, "深化商事制度改革", ["省市场监管局"], { info: { 备注: "年底总结" } }),
        task(3, "清理妨碍统一市场的规定", ["省市场监管局", "省发展改革委"]),
      ],
    };
    const text = renderTaskListText(list);
    expect(text).toBe(
      lines(
        "营商环境重点任务",
        "",
        "序号\t政策内容\t责任部门\t牵头领导\t备注",
        "1\t开展营商环境评价\t省发展改革委\t王副省长\t按季度报送",
        "2\t深化商事制度改革\t省市场监管局\t\t年底总结",
        "3\t清理妨碍统一市场的规定\t省市场监管局、省发展改革委\t\t",
      ),
    );
    expect(comparable(parseTaskList(text))).toEqual(comparable(list));
  });
});

describe("text that would break the table shape", () => {
  it("tabs and line breaks inside a cell or a heading become one space each run, so every task stays one row", () => {
    const list: TaskList = {
      name: "重点任务\t清单",
      units: ["省教育厅"],
      tasks: [
        task(1, "完善职业教育体系；\r\n推进产教融合", ["省教育厅"], { section: "一、深化\n改革" }),
        task(2, "落实\t\t资助政策", ["省教育厅"], { section: "一、深化\n改革" }),
      ],
    };
    expect(renderTaskListText(list)).toBe(
      lines("重点任务\t清单", "", "序号\t政策内容\t责任部门", "一、深化 改革", "1\t完善职业教育体系； 推进产教融合\t省教育厅", "2\t落实 资助政策\t省教育厅"),
    );
  });

  it("tasks before the first heading have no heading line; a task after a heading's tasks without a section renders too", () => {
    const list: TaskList = {
      name: "任务清单",
      units: ["省教育厅", "省财政厅"],
      tasks: [
        task(1, "制定实施方案", ["省教育厅"]),
        task(2, "落实资助政策", ["省财政厅"], { section: "二、保障措施" }),
        task(3, "开展督导评估", ["省教育厅"]),
      ],
    };
    const text = renderTaskListText(list);
    expect(text.split("\n").slice(3)).toEqual(["1\t制定实施方案\t省教育厅", "二、保障措施", "2\t落实资助政策\t省财政厅", "3\t开展督导评估\t省教育厅", ""]);
  });
});

describe("nested headings", () => {
  const list = parseTaskList(
    tsv([
      ["序号", "工作任务", "责任单位"],
      ["一、深化职业教育改革"],
      ["（一）完善现代职业教育体系"],
      ["1", "推进中等职业教育与普通高中教育协调发展", "省教育厅"],
      ["（二）推进产教融合"],
      ["2", "遴选一批省级产教融合型企业", "省发展改革委"],
      ["二、加强保障"],
      ["3", "落实生均拨款制度", "省财政厅"],
      ["（一）强化经费投入"],
      ["4", "设立职业教育专项资金", "省财政厅"],
    ]),
  );

  it("are parsed as a path of open headings", () => {
    expect(list.tasks.map((t) => t.section)).toEqual([
      "一、深化职业教育改革 / （一）完善现代职业教育体系",
      "一、深化职业教育改革 / （二）推进产教融合",
      "二、加强保障",
      "二、加强保障 / （一）强化经费投入",
    ]);
  });

  it("are written one per line from the first that changed, so the text parses back to the same paths", () => {
    const text = renderTaskListText(list);
    expect(text.split("\n").slice(3, -1)).toEqual([
      "一、深化职业教育改革",
      "（一）完善现代职业教育体系",
      "1\t推进中等职业教育与普通高中教育协调发展\t省教育厅",
      "（二）推进产教融合",
      "2\t遴选一批省级产教融合型企业\t省发展改革委",
      "二、加强保障",
      "3\t落实生均拨款制度\t省财政厅",
      "（一）强化经费投入",
      "4\t设立职业教育专项资金\t省财政厅",
    ]);
    expect(comparable(parseTaskList(text))).toEqual(comparable(list));
  });

  it("a task back under the outer heading after a sub-heading's tasks repeats the outer heading", () => {
    const outer = "一、深化职业教育改革";
    const inner = `${outer} / （一）完善现代职业教育体系`;
    const rebuilt: TaskList = {
      name: "任务清单",
      units: ["省教育厅"],
      tasks: [task(1, "推进中高职贯通培养", ["省教育厅"], { section: inner }), task(2, "开展职业教育活动周", ["省教育厅"], { section: outer })],
    };
    const text = renderTaskListText(rebuilt);
    expect(text.split("\n").slice(3, -1)).toEqual([outer, "（一）完善现代职业教育体系", "1\t推进中高职贯通培养\t省教育厅", outer, "2\t开展职业教育活动周\t省教育厅"]);
    expect(parseTaskList(text).tasks.map((t) => t.section)).toEqual([inner, outer]);
  });
});

describe("headings that change at more than one level at once", () => {
  it("write every heading from the outermost that changed, down to the task's own", () => {
    const paths = [
      "一、深化改革 / （一）完善体系 / 1.健全制度",
      "二、强化保障 / （一）加大投入",
      "二、强化保障 / （二）优化队伍 / 1.培养名师",
      "三、组织实施",
    ];
    const rebuilt: TaskList = {
      name: "任务清单",
      units: ["省教育厅"],
      tasks: paths.map((section, i) => task(i + 1, `第${i + 1}项工作`, ["省教育厅"], { section })),
    };
    const text = renderTaskListText(rebuilt);
    expect(text.split("\n").slice(3, -1)).toEqual([
      "一、深化改革",
      "（一）完善体系",
      "1.健全制度",
      "1\t第1项工作\t省教育厅",
      "二、强化保障",
      "（一）加大投入",
      "2\t第2项工作\t省教育厅",
      "（二）优化队伍",
      "1.培养名师",
      "3\t第3项工作\t省教育厅",
      "三、组织实施",
      "4\t第4项工作\t省教育厅",
    ]);
    expect(parseTaskList(text).tasks.map((t) => t.section)).toEqual(paths);
  });
});
