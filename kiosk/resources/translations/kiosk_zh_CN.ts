<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>BoardPages</name>
    <message>
      <source>Halls</source>
      <translation>会场</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>场次</translation>
    </message>
    <message>
      <source>Seat map</source>
      <translation>座位图</translation>
    </message>
    <message>
      <source>Roll call (staff)</source>
      <translation>在场名单（工作人员）</translation>
    </message>
  </context>
  <context>
    <name>BoardWindow</name>
    <message>
      <source>Venue status</source>
      <translation>场馆状态</translation>
    </message>
    <message>
      <source>Entries per 15 minutes</source>
      <translation>每 15 分钟入场人数</translation>
    </message>
    <message>
      <source>No session now</source>
      <translation>当前无场次</translation>
    </message>
    <message>
      <source>{inside} / {capacity}</source>
      <translation>{inside} / {capacity}</translation>
    </message>
    <message>
      <source>Updated {time} · local data only</source>
      <translation>更新于 {time} · 仅本机数据</translation>
    </message>
    <message>
      <source>Updated {time} · all doors through the hub: {sync}</source>
      <translation>更新于 {time} · 经同步中心汇总所有入口：{sync}</translation>
    </message>
  </context>
  <context>
    <name>CameraView</name>
    <message>
      <source>No camera: use the handheld scanner</source>
      <translation>无摄像头：请使用手持扫码枪</translation>
    </message>
    <message>
      <source>Camera on: hold the badge's QR code up to it</source>
      <translation>摄像头已开启：请将胸卡二维码对准摄像头</translation>
    </message>
    <message>
      <source>Starting the camera…</source>
      <translation>正在启动摄像头…</translation>
    </message>
  </context>
  <context>
    <name>ChairWindow</name>
    <message>
      <source>Chair's view</source>
      <translation>主持人视图</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>实到</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>迟到</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>中途退场</translation>
    </message>
    <message>
      <source>{hall} · {start}–{end} · updated {time}</source>
      <translation>{hall} · {start}–{end} · 更新于 {time}</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>应到</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>容量</translation>
    </message>
  </context>
  <context>
    <name>ConflictsPanel</name>
    <message>
      <source>Conflicts</source>
      <translation>冲突</translation>
    </message>
    <message>
      <source>No badge admitted twice.</source>
      <translation>没有胸卡被重复放行。</translation>
    </message>
    <message>
      <source>{name} · {session}: admitted {times} at {doors} doors</source>
      <translation>{name} · {session}：{times} 在 {doors} 个入口放行</translation>
    </message>
    <message>
      <source>{name} · {session}: admitted {times}</source>
      <translation>{name} · {session}：{times} 放行</translation>
    </message>
    <message>
      <source>1 badge admitted twice while doors were offline:</source>
      <translation>1 张胸卡在入口离线时被重复放行：</translation>
    </message>
    <message>
      <source>… and {count} more (kiosk conflicts)</source>
      <translation>……另有 {count} 条（kiosk conflicts）</translation>
    </message>
    <message>
      <source>{count} badges admitted twice while doors were offline:</source>
      <translation>{count} 张胸卡在入口离线时被重复放行：</translation>
    </message>
  </context>
  <context>
    <name>DeskActions</name>
    <message>
      <source>Correct the name</source>
      <translation>更正姓名</translation>
    </message>
    <message>
      <source>First name</source>
      <translation>名</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation>姓</translation>
    </message>
    <message>
      <source>Nothing replaced.</source>
      <translation>未补办。</translation>
    </message>
    <message>
      <source>Not registered: check the e-mail address.</source>
      <translation>未注册：请检查邮箱地址。</translation>
    </message>
    <message>
      <source>Name corrected to {name} (logged).</source>
      <translation>姓名已更正为 {name}（已记录）。</translation>
    </message>
    <message>
      <source>Not registered: this person may be registered already.</source>
      <translation>未登记：此人可能已经注册。</translation>
    </message>
    <message>
      <source>Badge printed.</source>
      <translation>胸卡已打印。</translation>
    </message>
    <message>
      <source>Name not changed: {why}</source>
      <translation>姓名未更改：{why}</translation>
    </message>
    <message>
      <source>Not registered: {why}</source>
      <translation>未注册：{why}</translation>
    </message>
  </context>
  <context>
    <name>DeskCard</name>
    <message>
      <source>Company</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>Ticket code</source>
      <translation>票号</translation>
    </message>
    <message>
      <source>Badge issue</source>
      <translation>胸卡版次</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Reason (reprint, replacement)</source>
      <translation>原因（补打、补办）</translation>
    </message>
    <message>
      <source>Print badge</source>
      <translation>打印胸卡</translation>
    </message>
    <message>
      <source>Reprint</source>
      <translation>补打</translation>
    </message>
    <message>
      <source>Replace lost badge</source>
      <translation>补办遗失胸卡</translation>
    </message>
    <message>
      <source>Correct name</source>
      <translation>更正姓名</translation>
    </message>
    <message>
      <source>Search or scan a badge to show an attendee.</source>
      <translation>搜索或扫描胸卡以显示参会者。</translation>
    </message>
    <message>
      <source>Print history</source>
      <translation>打印记录</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>打印机</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>CANCELLED: no badge may be printed</source>
      <translation>已取消：不得打印胸卡</translation>
    </message>
    <message>
      <source>walk-in, flagged for the organiser (not signed)</source>
      <translation>现场注册，已标记待主办方确认（未签名）</translation>
    </message>
    <message>
      <source>ok</source>
      <translation>成功</translation>
    </message>
    <message>
      <source>walk-in</source>
      <translation>现场注册</translation>
    </message>
    <message>
      <source>badge printed</source>
      <translation>胸卡已打印</translation>
    </message>
    <message>
      <source>badge not printed yet</source>
      <translation>胸卡尚未打印</translation>
    </message>
    <message>
      <source>FAILED: {error}</source>
      <translation>失败：{error}</translation>
    </message>
    <message>
      <source>REVOKED ({why}): no badge may be printed</source>
      <translation>已注销（{why}）：不得打印胸卡</translation>
    </message>
  </context>
  <context>
    <name>DeskMessages</name>
    <message>
      <source>A badge is still printing: wait for it to come out.</source>
      <translation>仍有胸卡正在打印：请等待打印完成。</translation>
    </message>
    <message>
      <source>This attendee's badge is revoked by the organiser: no badge may be printed.</source>
      <translation>此参会者的胸卡已被主办方注销：不得打印胸卡。</translation>
    </message>
    <message>
      <source>Unknown code: nobody on this kiosk's list has it.</source>
      <translation>未知编码：本机名单中无人持有此编码。</translation>
    </message>
    <message>
      <source>This registration is cancelled: no badge may be printed.</source>
      <translation>此报名已取消：不得打印胸卡。</translation>
    </message>
    <message>
      <source>This badge was replaced: it is refused at the doors.</source>
      <translation>此胸卡已被新胸卡取代：各入口将拒绝放行。</translation>
    </message>
    <message>
      <source>A valid badge of someone not on this kiosk's list yet: sync, or register them.</source>
      <translation>胸卡有效，但本机名单中暂无此人：请同步，或为其现场注册。</translation>
    </message>
    <message>
      <source>A badge of another event.</source>
      <translation>其他活动的胸卡。</translation>
    </message>
    <message>
      <source>Not a badge: a foreign QR code (a link, Wi-Fi, ...).</source>
      <translation>不是胸卡：其他二维码（链接、Wi-Fi 等）。</translation>
    </message>
    <message>
      <source>Invalid badge: the signature does not match (forged or damaged).</source>
      <translation>无效胸卡：签名不符（伪造或损坏）。</translation>
    </message>
    <message>
      <source>A badge signed with a key this kiosk does not trust.</source>
      <translation>胸卡使用本机不信任的密钥签名。</translation>
    </message>
    <message>
      <source>This badge was printed before: use Reprint with a reason.</source>
      <translation>此胸卡已打印过：请填写原因并使用“补打”。</translation>
    </message>
    <message>
      <source>Choose or type a reason first.</source>
      <translation>请先选择或输入原因。</translation>
    </message>
    <message>
      <source>The staff PIN was refused (changed, or locked out after wrong tries): unlock again.</source>
      <translation>工作人员 PIN 码被拒绝（已更改，或多次输错被锁定）：请重新解锁。</translation>
    </message>
    <message>
      <source>first print</source>
      <translation>首次打印</translation>
    </message>
    <message>
      <source>reprint</source>
      <translation>补打</translation>
    </message>
    <message>
      <source>walk-in</source>
      <translation>现场注册</translation>
    </message>
    <message>
      <source>replacement</source>
      <translation>补发</translation>
    </message>
    <message>
      <source>This code cannot be used ({reason}).</source>
      <translation>此编码无法使用（{reason}）。</translation>
    </message>
    <message>
      <source>Printed: {name}'s badge ({kind}).</source>
      <translation>已打印：{name} 的胸卡（{kind}）。</translation>
    </message>
    <message>
      <source>Printer failed for {name}: {error}. The badge is NOT marked printed.</source>
      <translation>{name} 的胸卡打印失败：{error}。该胸卡未标记为已打印。</translation>
    </message>
    <message>
      <source>{name} registered with a signed badge code.</source>
      <translation>{name} 已注册，胸卡编码已签名。</translation>
    </message>
    <message>
      <source>{name}'s old badge is revoked here now and at every door after its next sync.</source>
      <translation>{name} 的旧胸卡在本机立即注销，各入口在下次同步后注销。</translation>
    </message>
    <message>
      <source>No signing key here: the new badge carries a new ticket code.</source>
      <translation>本机无签名密钥：新胸卡使用新票号。</translation>
    </message>
    <message>
      <source>Printing {name}'s badge…</source>
      <translation>正在打印 {name} 的胸卡…</translation>
    </message>
    <message>
      <source>Replace {name}'s badge?

The old badge will be refused at this kiosk at once and at every door after it syncs. A new badge prints now.</source>
      <translation>补办 {name} 的胸卡？

旧胸卡在本机立即失效，各入口同步后也将拒绝放行。新胸卡将立即打印。</translation>
    </message>
    <message>
      <source>Already registered with this name and e-mail or company: {who}. Show them and print their badge, or, if this is a different person, register anyway.</source>
      <translation>已有相同姓名和电子邮箱或公司的注册：{who}。请显示该参会者并打印其胸卡；如果这是另一个人，仍可登记。</translation>
    </message>
    <message>
      <source>Register a new attendee named {name}?

Only if you have checked that this is a different person from the {name} already registered: a second badge for the same person is a badge to lend.</source>
      <translation>登记一位名为 {name} 的新参会者？

仅当您已核实此人与已注册的 {name} 不是同一人时才可登记：同一人的第二张胸卡可能被借给他人使用。</translation>
    </message>
    <message>
      <source>{name} registered: flagged for the organiser (this machine has no signing key, the badge carries a local ticket code).</source>
      <translation>{name} 已注册：已标记待主办方确认（本机无签名密钥，胸卡使用本地票号）。</translation>
    </message>
    <message>
      <source>staff</source>
      <translation>工作人员</translation>
    </message>
  </context>
  <context>
    <name>DeskWalkIn</name>
    <message>
      <source>The name cannot be empty.</source>
      <translation>姓名不能为空。</translation>
    </message>
    <message>
      <source>This is too long or holds characters a badge cannot print.</source>
      <translation>内容过长，或含有胸卡无法打印的字符。</translation>
    </message>
    <message>
      <source>This is not an e-mail address.</source>
      <translation>这不是有效的邮箱地址。</translation>
    </message>
    <message>
      <source>Required for a walk-in: a first and a last name, and an e-mail or a company.</source>
      <translation>现场登记需要填写名和姓，以及电子邮箱或公司。</translation>
    </message>
    <message>
      <source>Register a walk-in attendee</source>
      <translation>现场注册参会者</translation>
    </message>
    <message>
      <source>First name</source>
      <translation>名</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation>姓</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Attendee type</source>
      <translation>参会类别</translation>
    </message>
    <message>
      <source>Register and print badge</source>
      <translation>注册并打印胸卡</translation>
    </message>
    <message>
      <source>Print the badge again</source>
      <translation>重新打印胸卡</translation>
    </message>
    <message>
      <source>Show attendee</source>
      <translation>查看参会者</translation>
    </message>
    <message>
      <source>A different person: register</source>
      <translation>是另一个人：登记</translation>
    </message>
    <message>
      <source>New walk-in</source>
      <translation>新的现场注册</translation>
    </message>
  </context>
  <context>
    <name>DeskWindow</name>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>锁定</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Staff desk locked</source>
      <translation>注册台已锁定</translation>
    </message>
    <message>
      <source>Enter the staff PIN to register walk-ins and print badges.</source>
      <translation>请输入工作人员 PIN 码，以进行现场注册和打印胸卡。</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>Staff desk · {event}</source>
      <translation>注册台 · {event}</translation>
    </message>
    <message>
      <source>Find attendee</source>
      <translation>查找参会者</translation>
    </message>
    <message>
      <source>Register walk-in</source>
      <translation>现场注册</translation>
    </message>
    <message>
      <source>Desk unlocked. Search, scan a badge or register a walk-in.</source>
      <translation>已解锁。可搜索、扫描胸卡或进行现场注册。</translation>
    </message>
    <message>
      <source>Locked.</source>
      <translation>已锁定。</translation>
    </message>
    <message>
      <source>Please confirm</source>
      <translation>请确认</translation>
    </message>
    <message>
      <source>Unlock the desk before scanning.</source>
      <translation>请先解锁再扫码。</translation>
    </message>
    <message>
      <source>Staff desk — {event}</source>
      <translation>注册台 — {event}</translation>
    </message>
    <message>
      <source>Wrong staff PIN.</source>
      <translation>工作人员 PIN 码错误。</translation>
    </message>
    <message>
      <source>Scanned: {name}.</source>
      <translation>已扫描：{name}。</translation>
    </message>
    <message>
      <source>Too many wrong PINs: try again in {s} s.</source>
      <translation>PIN 码错误次数过多：请在 {s} 秒后重试。</translation>
    </message>
  </context>
  <context>
    <name>DoorWindow</name>
    <message>
      <source>Kiosk door</source>
      <translation>签到门口</translation>
    </message>
    <message>
      <source>NOT RECORDED</source>
      <translation>未记录</translation>
    </message>
    <message>
      <source>Inside</source>
      <translation>在场内</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>已离场</translation>
    </message>
    <message>
      <source>Not in yet</source>
      <translation>尚未入场</translation>
    </message>
    <message>
      <source>Please scan again. ({message})</source>
      <translation>请重新扫码。（{message}）</translation>
    </message>
  </context>
  <context>
    <name>HallChooser</name>
    <message>
      <source>Which door is this kiosk at?</source>
      <translation>本签到机位于哪个入口？</translation>
    </message>
    <message>
      <source>Choose the hall</source>
      <translation>选择会场</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Open this door</source>
      <translation>打开此入口</translation>
    </message>
  </context>
  <context>
    <name>HeaderBar</name>
    <message>
      <source>Staff</source>
      <translation>工作人员</translation>
    </message>
    <message>
      <source>{inside} / {capacity} inside</source>
      <translation>场内 {inside} / {capacity}</translation>
    </message>
    <message>
      <source>No session admitting now</source>
      <translation>当前无可入场的场次</translation>
    </message>
    <message>
      <source>No more sessions today</source>
      <translation>今日无后续场次</translation>
    </message>
    <message>
      <source>⇥ ENTRY mode</source>
      <translation>⇥ 入场模式</translation>
    </message>
    <message>
      <source>⇤ EXIT mode</source>
      <translation>⇤ 离场模式</translation>
    </message>
    <message>
      <source>NEARLY FULL</source>
      <translation>即将满员</translation>
    </message>
    <message>
      <source>FULL</source>
      <translation>已满</translation>
    </message>
    <message>
      <source>admission {opens}–{closes}</source>
      <translation>入场 {opens}–{closes}</translation>
    </message>
    <message>
      <source>ddd d MMM</source>
      <translation>M月d日 ddd</translation>
    </message>
    <message>
      <source>Now: {title} ({start}–{end}), {window}</source>
      <translation>当前：{title}（{start}–{end}），{window}</translation>
    </message>
    <message>
      <source>{date}, {time}</source>
      <translation>{date} {time}</translation>
    </message>
    <message>
      <source>Next: {start} {title} (admission from {opens})</source>
      <translation>下一场：{start} {title}（{opens} 起入场）</translation>
    </message>
  </context>
  <context>
    <name>KioskDialog</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>LateCheckinDialog</name>
    <message>
      <source>Forgot to scan at the door</source>
      <translation>入场时忘记扫码</translation>
    </message>
    <message>
      <source>The door scanner was down</source>
      <translation>入口扫码设备故障</translation>
    </message>
    <message>
      <source>From the paper sign-in list</source>
      <translation>依据纸质签到表</translation>
    </message>
    <message>
      <source>That time is still to come.</source>
      <translation>该时间尚未到来。</translation>
    </message>
    <message>
      <source>The session did not run at that time.</source>
      <translation>该场次在这个时间并未进行。</translation>
    </message>
    <message>
      <source>Please give a reason.</source>
      <translation>请填写原因。</translation>
    </message>
    <message>
      <source>The reason is too long (at most 500 characters).</source>
      <translation>原因过长（最多 500 个字符）。</translation>
    </message>
    <message>
      <source>The reason must be one line of text.</source>
      <translation>原因只能是一行文字。</translation>
    </message>
    <message>
      <source>This registration was cancelled.</source>
      <translation>该注册已取消。</translation>
    </message>
    <message>
      <source>This badge has been revoked.</source>
      <translation>该胸卡已被吊销。</translation>
    </message>
    <message>
      <source>A scan would refuse this person for this session.</source>
      <translation>扫码时此人不能进入该场次。</translation>
    </message>
    <message>
      <source>Already checked in to this session by a scan.</source>
      <translation>此人已通过扫码签到该场次。</translation>
    </message>
    <message>
      <source>A late check-in is recorded for this person and session already.</source>
      <translation>此人该场次的补签到已有记录。</translation>
    </message>
    <message>
      <source>This kiosk may not record late check-ins.</source>
      <translation>本终端无权记录补签到。</translation>
    </message>
    <message>
      <source>Nothing was recorded.</source>
      <translation>未作任何记录。</translation>
    </message>
    <message>
      <source>Late check-in</source>
      <translation>补签到</translation>
    </message>
    <message>
      <source>For someone who attended although no scan recorded it. It counts as attendance, not as an entry: nobody is counted inside.</source>
      <translation>用于已出席但没有扫码记录的人。补签到计入出席，不算入场：不计入场内人数。</translation>
    </message>
    <message>
      <source>HH:MM (empty: now, or the start if it has ended)</source>
      <translation>时:分（留空：现在；场次已结束则为开始时间）</translation>
    </message>
    <message>
      <source>Record late check-in</source>
      <translation>记录补签到</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Session:</source>
      <translation>场次：</translation>
    </message>
    <message>
      <source>Attended at:</source>
      <translation>出席时间：</translation>
    </message>
    <message>
      <source>Reason:</source>
      <translation>原因：</translation>
    </message>
    <message>
      <source>No session of this hall has opened today.</source>
      <translation>本会场今天还没有开放签到的场次。</translation>
    </message>
    <message>
      <source>Type the time as HH:MM, e.g. 10:20.</source>
      <translation>请按 时:分 输入时间，例如 10:20。</translation>
    </message>
    <message>
      <source>Late check-in recorded: {name}, {session}.</source>
      <translation>补签到已记录：{name}，{session}。</translation>
    </message>
  </context>
  <context>
    <name>PinDialog</name>
    <message>
      <source>Enter the staff PIN</source>
      <translation>请输入工作人员 PIN 码</translation>
    </message>
    <message>
      <source>Staff PIN</source>
      <translation>工作人员 PIN 码</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Wrong PIN. {n} tries left before a lock-out.</source>
      <translation>PIN 码错误。还可尝试 {n} 次，之后将被锁定。</translation>
    </message>
    <message>
      <source>Too many wrong PINs. Try again in {s} s.</source>
      <translation>错误次数过多。请在 {s} 秒后重试。</translation>
    </message>
  </context>
  <context>
    <name>Report</name>
    <message>
      <source>ddd d MMM</source>
      <translation>M月d日 ddd</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>场次</translation>
    </message>
    <message>
      <source>Hall</source>
      <translation>会场</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人数</translation>
    </message>
    <message>
      <source>Entries</source>
      <translation>入场次数</translation>
    </message>
    <message>
      <source>Peak</source>
      <translation>峰值</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>容量</translation>
    </message>
    <message>
      <source>Attendance per session</source>
      <translation>各场次出席情况</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>报名</translation>
    </message>
    <message>
      <source>Scanned</source>
      <translation>扫码签到</translation>
    </message>
    <message>
      <source>Late check-ins</source>
      <translation>补签到</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>出席</translation>
    </message>
    <message>
      <source>Present %</source>
      <translation>出席率</translation>
    </message>
    <message>
      <source>Registered and present per session</source>
      <translation>各场次报名与出席</translation>
    </message>
    <message>
      <source>Entered</source>
      <translation>入场</translation>
    </message>
    <message>
      <source>Left, not back</source>
      <translation>离场未返回</translation>
    </message>
    <message>
      <source>Left, came back</source>
      <translation>离场后返回</translation>
    </message>
    <message>
      <source>Exits before the end</source>
      <translation>散会前离场时间</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Seat</source>
      <translation>座位</translation>
    </message>
    <message>
      <source>Left at</source>
      <translation>离场时间</translation>
    </message>
    <message>
      <source>Then</source>
      <translation>之后</translation>
    </message>
    <message>
      <source>Attendee</source>
      <translation>参会者</translation>
    </message>
    <message>
      <source>Attended at</source>
      <translation>出席时间</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Kiosk</source>
      <translation>终端</translation>
    </message>
    <message>
      <source>Late check-ins (recorded by staff, apart from scans)</source>
      <translation>补签到（工作人员登记，与扫码分开统计）</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Never admitted</source>
      <translation>从未入场</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>比例</translation>
    </message>
    <message>
      <source>No-shows per attendee type</source>
      <translation>各类型未到场人数</translation>
    </message>
    <message>
      <source>Conflicts: badges admitted twice at different doors</source>
      <translation>冲突：同一胸卡在不同入口重复入场</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Leavers per session (left before the end)</source>
      <translation>各场次中途退场（散会前离场）</translation>
    </message>
    <message>
      <source>People who left before the end</source>
      <translation>散会前离场人员</translation>
    </message>
    <message>
      <source>Admissions</source>
      <translation>入场记录</translation>
    </message>
    <message>
      <source>none: no badge was admitted twice</source>
      <translation>无：没有胸卡重复入场</translation>
    </message>
    <message>
      <source>{event}, generated {time}: {records} records from {kiosks} kiosks, {offline} decided offline</source>
      <translation>{event}，生成于 {time}：来自 {kiosks} 台终端的 {records} 条记录，其中 {offline} 条离线判定</translation>
    </message>
    <message>
      <source>{event}: attendance</source>
      <translation>{event}：出席报告</translation>
    </message>
    <message>
      <source>no entries</source>
      <translation>无入场记录</translation>
    </message>
    <message>
      <source>came back</source>
      <translation>已返回</translation>
    </message>
    <message>
      <source>did not return</source>
      <translation>未返回</translation>
    </message>
    <message>
      <source>none: nobody entered a session</source>
      <translation>无：没有人进入任何场次</translation>
    </message>
    <message>
      <source>Entries over time, {day} (per 15 minutes)</source>
      <translation>入场人数随时间变化，{day}（每 15 分钟）</translation>
    </message>
    <message>
      <source>{count} admissions</source>
      <translation>共 {count} 次入场</translation>
    </message>
    <message>
      <source>Where the data comes from</source>
      <translation>数据来源</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>记录数</translation>
    </message>
    <message>
      <source>Newest record</source>
      <translation>最新记录</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>no records and no door kiosks enrolled</source>
      <translation>无记录，也没有登记的入口终端</translation>
    </message>
    <message>
      <source>no session</source>
      <translation>无场次</translation>
    </message>
    <message>
      <source>{time} ({zone}): {count} inside, per the records merged here</source>
      <translation>{time}（{zone}）：场内 {count} 人，依据本机已汇总的记录</translation>
    </message>
    <message>
      <source>{event}: roll call</source>
      <translation>{event}：场内人员名单</translation>
    </message>
    <message>
      <source>this kiosk, never synced: other doors' entries are missing</source>
      <translation>本机，从未同步：缺少其他入口的入场记录</translation>
    </message>
    <message>
      <source>nothing received: its entries are missing here</source>
      <translation>未收到任何数据：此处缺少其入场记录</translation>
    </message>
    <message>
      <source>{hall} ({session}): {count} inside</source>
      <translation>{hall}（{session}）：场内 {count} 人</translation>
    </message>
    <message>
      <source>quiet: idle, or not synced since</source>
      <translation>长时间无记录：空闲，或此后未同步</translation>
    </message>
    <message>
      <source>Door</source>
      <translation>入口</translation>
    </message>
    <message>
      <source>nobody inside</source>
      <translation>场内无人</translation>
    </message>
    <message>
      <source>this kiosk, last sync {time}</source>
      <translation>本机，最近同步 {time}</translation>
    </message>
  </context>
  <context>
    <name>RollCallView</name>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Roll call: who is inside now</source>
      <translation>在场名单：当前在场人员</translation>
    </message>
    <message>
      <source>All halls: {n}</source>
      <translation>全部会场：{n}</translation>
    </message>
    <message>
      <source>just now</source>
      <translation>刚刚</translation>
    </message>
    <message>
      <source>{n} h ago</source>
      <translation>{n} 小时前</translation>
    </message>
    <message>
      <source>Never synced: this kiosk's own records only</source>
      <translation>从未同步：仅有本机记录</translation>
    </message>
    <message>
      <source>{n} min ago</source>
      <translation>{n} 分钟前</translation>
    </message>
    <message>
      <source>Hall</source>
      <translation>会场</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Seat</source>
      <translation>座位</translation>
    </message>
    <message>
      <source>Entered</source>
      <translation>入场时间</translation>
    </message>
    <message>
      <source>Door</source>
      <translation>入口</translation>
    </message>
    <message>
      <source>Last sync: {time}</source>
      <translation>上次同步：{time}</translation>
    </message>
    <message>
      <source>{kiosk}: nothing received yet: its entries may be missing</source>
      <translation>{kiosk}：尚未收到数据，其入场记录可能缺失</translation>
    </message>
    <message>
      <source>{kiosk}: newest record {time}</source>
      <translation>{kiosk}：最新记录 {time}</translation>
    </message>
    <message>
      <source>quiet: may not have synced</source>
      <translation>长时间无记录：可能未同步</translation>
    </message>
  </context>
  <context>
    <name>SearchDialog</name>
    <message>
      <source>Name, company, e-mail or code</source>
      <translation>姓名、单位、邮箱或编码</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>Here</source>
      <translation>本场</translation>
    </message>
    <message>
      <source>Nobody found.</source>
      <translation>未找到。</translation>
    </message>
    <message>
      <source>Many found: type more to narrow the list.</source>
      <translation>结果过多：请输入更多内容以缩小范围。</translation>
    </message>
    <message>
      <source>{n} found.</source>
      <translation>找到 {n} 人。</translation>
    </message>
    <message>
      <source>Badge will not scan</source>
      <translation>胸卡无法扫描</translation>
    </message>
    <message>
      <source>Badge forgotten, identity checked</source>
      <translation>忘带胸卡，已核实身份</translation>
    </message>
    <message>
      <source>Speaker or organiser request</source>
      <translation>演讲嘉宾或主办方要求</translation>
    </message>
    <message>
      <source>Search attendees</source>
      <translation>搜索参会者</translation>
    </message>
    <message>
      <source>Admit manually</source>
      <translation>人工放行</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Reason:</source>
      <translation>原因：</translation>
    </message>
    <message>
      <source>Admit anyway…</source>
      <translation>仍然放行…</translation>
    </message>
    <message>
      <source>Override the rule?</source>
      <translation>越过此规则？</translation>
    </message>
    <message>
      <source>Admit anyway</source>
      <translation>仍然放行</translation>
    </message>
    <message>
      <source>A scan would refuse {name}: {rule}

Admit anyway? The override and your reason are logged.</source>
      <translation>扫码将拒绝 {name}：{rule}

仍然放行吗？越过规则及您的原因都会记录在案。</translation>
    </message>
    <message>
      <source>A scan would refuse: {rule}</source>
      <translation>扫码将被拒绝：{rule}</translation>
    </message>
    <message>
      <source>A scan would admit {name}.</source>
      <translation>扫码将允许 {name} 入场。</translation>
    </message>
  </context>
  <context>
    <name>SeatMapPage</name>
    <message>
      <source>Stage</source>
      <translation>主席台</translation>
    </message>
    <message>
      <source>No session with seats today</source>
      <translation>今日没有排座位的场次</translation>
    </message>
    <message>
      <source>A seat map shows once attendees have seats.</source>
      <translation>参会者有座位后即显示座位图。</translation>
    </message>
    <message>
      <source>in their seat: {n}</source>
      <translation>已就座：{n}</translation>
    </message>
    <message>
      <source>not yet: {n}</source>
      <translation>未到：{n}</translation>
    </message>
    <message>
      <source>Not on the map (label not read as row and seat): {n}, inside: {m}</source>
      <translation>未在图上（座位号无法识别为排和座）：{n}，其中在场：{m}</translation>
    </message>
    <message>
      <source>{present} / {expected} present</source>
      <translation>实到 {present} / 应到 {expected}</translation>
    </message>
    <message>
      <source>{inside} / {capacity} inside</source>
      <translation>在场 {inside} / 容量 {capacity}</translation>
    </message>
  </context>
  <context>
    <name>SessionsPage</name>
    <message>
      <source>open session: inside of capacity</source>
      <translation>开放场次：在场 / 容量</translation>
    </message>
    <message>
      <source>present of registered</source>
      <translation>实到 / 应到</translation>
    </message>
    <message>
      <source>{inside} / {capacity}</source>
      <translation>{inside} / {capacity}</translation>
    </message>
    <message>
      <source>{seated} / {seats}</source>
      <translation>{seated} / {seats}</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>场次</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>签到</translation>
    </message>
    <message>
      <source>Inside now</source>
      <translation>当前在场</translation>
    </message>
    <message>
      <source>Seated</source>
      <translation>已就座</translation>
    </message>
    <message>
      <source>{present} / {expected}</source>
      <translation>{present} / {expected}</translation>
    </message>
    <message>
      <source>No sessions today</source>
      <translation>今日无场次</translation>
    </message>
    <message>
      <source>{n} more sessions today not shown</source>
      <translation>今日另有 {n} 个场次未显示</translation>
    </message>
  </context>
  <context>
    <name>StaffDialog</name>
    <message>
      <source>unknown badge</source>
      <translation>未知证件</translation>
    </message>
    <message>
      <source>It will no longer count, and the number inside is corrected.</source>
      <translation>该记录将不再计入，场内人数随之更正。</translation>
    </message>
    <message>
      <source>Undo the last scan?</source>
      <translation>撤销上一次扫码？</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>{verdict}: {name} at {time}</source>
      <translation>{verdict}：{name}，{time}</translation>
    </message>
    <message>
      <source>Quit the kiosk?</source>
      <translation>退出签到机？</translation>
    </message>
    <message>
      <source>Quit the kiosk</source>
      <translation>退出签到程序</translation>
    </message>
    <message>
      <source>The door screen of {hall} closes and nobody is checked in here until it is started again.</source>
      <translation>{hall} 的入口屏幕将关闭，重新启动之前此处无法签到。</translation>
    </message>
    <message>
      <source>Staff functions</source>
      <translation>工作人员功能</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>工作人员</translation>
    </message>
    <message>
      <source>Back to scanning</source>
      <translation>返回扫码</translation>
    </message>
    <message>
      <source>Search / admit manually</source>
      <translation>搜索 / 人工放行</translation>
    </message>
    <message>
      <source>Undo last scan</source>
      <translation>撤销上一次扫码</translation>
    </message>
    <message>
      <source>Switch entry / exit</source>
      <translation>切换入场 / 离场</translation>
    </message>
    <message>
      <source>Choose hall</source>
      <translation>选择会场</translation>
    </message>
    <message>
      <source>Sound on</source>
      <translation>开启声音</translation>
    </message>
    <message>
      <source>Mute sound</source>
      <translation>静音</translation>
    </message>
    <message>
      <source>Allow motion</source>
      <translation>允许动画</translation>
    </message>
    <message>
      <source>Reduce motion</source>
      <translation>减少动画</translation>
    </message>
    <message>
      <source>Leave full screen</source>
      <translation>退出全屏</translation>
    </message>
    <message>
      <source>Full screen (locked)</source>
      <translation>全屏（锁定）</translation>
    </message>
  </context>
  <context>
    <name>SyncText</name>
    <message>
      <source>1 check-in waiting</source>
      <translation>1 条签到待同步</translation>
    </message>
    <message>
      <source>{count} check-ins waiting</source>
      <translation>{count} 条签到待同步</translation>
    </message>
    <message>
      <source>Local only</source>
      <translation>仅本机</translation>
    </message>
    <message>
      <source>Hub: {hub}</source>
      <translation>同步中心：{hub}</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>在线</translation>
    </message>
    <message>
      <source>Connecting to the hub…</source>
      <translation>正在连接同步中心…</translation>
    </message>
    <message>
      <source>Online · synced {time}</source>
      <translation>在线 · {time} 已同步</translation>
    </message>
    <message>
      <source>Offline since {time}</source>
      <translation>自 {time} 起离线</translation>
    </message>
  </context>
  <context>
    <name>Verdict</name>
    <message>
      <source>DENIED</source>
      <translation>禁止入场</translation>
    </message>
    <message>
      <source>Same badge again: shown, not counted twice.</source>
      <translation>同一胸卡重复扫描：仅显示，不重复计数。</translation>
    </message>
    <message>
      <source>ADMIT AGAIN</source>
      <translation>再次入场</translation>
    </message>
    <message>
      <source>ADMIT (STAFF)</source>
      <translation>放行（工作人员）</translation>
    </message>
    <message>
      <source>EXIT</source>
      <translation>离场</translation>
    </message>
    <message>
      <source>UNDONE</source>
      <translation>已撤销</translation>
    </message>
    <message>
      <source>The last scan was undone and no longer counts.</source>
      <translation>上一次扫码已撤销，不再计数。</translation>
    </message>
    <message>
      <source>Welcome. Entry recorded.</source>
      <translation>欢迎。已记录入场。</translation>
    </message>
    <message>
      <source>Welcome back. Re-entry recorded.</source>
      <translation>欢迎回来。已记录再次入场。</translation>
    </message>
    <message>
      <source>Admitted by staff. The reason is logged.</source>
      <translation>由工作人员放行，原因已记录。</translation>
    </message>
    <message>
      <source>Goodbye. Exit recorded.</source>
      <translation>再见。已记录离场。</translation>
    </message>
    <message>
      <source>Exit recorded (no entry on record).</source>
      <translation>已记录离场（无入场记录）。</translation>
    </message>
    <message>
      <source>This badge is already inside this session.</source>
      <translation>此胸卡已在本场次场内。</translation>
    </message>
    <message>
      <source>Already inside: admitted at another door.</source>
      <translation>已在场内：已从其他入口入场。</translation>
    </message>
    <message>
      <source>Single entry only: this badge has already left once.</source>
      <translation>仅限单次入场：此胸卡已离场过一次。</translation>
    </message>
    <message>
      <source>Not registered for this session.</source>
      <translation>未报名本场次。</translation>
    </message>
    <message>
      <source>This session is by invitation only.</source>
      <translation>本场次仅限受邀嘉宾。</translation>
    </message>
    <message>
      <source>This badge type has no access to this hall.</source>
      <translation>此类胸卡无权进入本会场。</translation>
    </message>
    <message>
      <source>Unknown attendee type: ask the registration desk.</source>
      <translation>未知参会类别：请咨询注册台。</translation>
    </message>
    <message>
      <source>Admission has not opened yet.</source>
      <translation>尚未开始入场。</translation>
    </message>
    <message>
      <source>Admission to this session has closed.</source>
      <translation>本场次入场已结束。</translation>
    </message>
    <message>
      <source>No session in this hall now.</source>
      <translation>本会场当前无场次。</translation>
    </message>
    <message>
      <source>The session is full.</source>
      <translation>本场次已满。</translation>
    </message>
    <message>
      <source>This registration was cancelled.</source>
      <translation>此报名已取消。</translation>
    </message>
    <message>
      <source>This badge was replaced by a newer one.</source>
      <translation>此胸卡已被新胸卡取代。</translation>
    </message>
    <message>
      <source>This card was reported lost: ask the registration desk.</source>
      <translation>此卡已挂失，请到注册台处理。</translation>
    </message>
    <message>
      <source>This badge has been revoked.</source>
      <translation>此胸卡已被注销。</translation>
    </message>
    <message>
      <source>This badge is not known at this event.</source>
      <translation>本活动无此胸卡记录。</translation>
    </message>
    <message>
      <source>This QR code is not a badge (a link or another code).</source>
      <translation>此二维码不是胸卡（链接或其他编码）。</translation>
    </message>
    <message>
      <source>The code could not be read. Please try again.</source>
      <translation>无法识别编码，请重试。</translation>
    </message>
    <message>
      <source>This code is far too long to be a badge.</source>
      <translation>此编码过长，不可能是胸卡。</translation>
    </message>
    <message>
      <source>Damaged or incomplete badge code.</source>
      <translation>胸卡编码损坏或不完整。</translation>
    </message>
    <message>
      <source>The badge's signature is wrong: it may be forged.</source>
      <translation>胸卡签名错误：可能是伪造的。</translation>
    </message>
    <message>
      <source>The badge is signed with an unknown key.</source>
      <translation>胸卡使用未知密钥签名。</translation>
    </message>
    <message>
      <source>This badge is for another event.</source>
      <translation>此胸卡属于其他活动。</translation>
    </message>
    <message>
      <source>This ticket was replaced by a newer one (revoked in pretix).</source>
      <translation>此门票已被新门票取代（已在 pretix 中作废）。</translation>
    </message>
    <message>
      <source>This ticket is blocked in pretix: ask the registration desk.</source>
      <translation>此门票已在 pretix 中被冻结：请咨询登记处。</translation>
    </message>
    <message>
      <source>This ticket is not valid yet.</source>
      <translation>此门票尚未生效。</translation>
    </message>
    <message>
      <source>This ticket has expired.</source>
      <translation>此门票已过期。</translation>
    </message>
    <message>
      <source>This ticket's product has no attendee type here.</source>
      <translation>此门票的产品在此没有对应的参会者类型。</translation>
    </message>
    <message>
      <source>This ticket is for another date of the event.</source>
      <translation>此门票适用于本活动的另一个日期。</translation>
    </message>
    <message>
      <source>Not in this kiosk's list yet, but the badge is genuine: check the name by eye.</source>
      <translation>本机名单中暂无此人，但胸卡真实有效：请人工核对姓名。</translation>
    </message>
    <message>
      <source>ENTRY</source>
      <translation>入场</translation>
    </message>
    <message>
      <source>ADMIT — CHECK BADGE</source>
      <translation>放行 — 请核对胸卡</translation>
    </message>
    <message>
      <source>ADMIT</source>
      <translation>放行</translation>
    </message>
    <message>
      <source>Seat {seat}</source>
      <translation>座位 {seat}</translation>
    </message>
    <message>
      <source>Admitted by staff despite: {rule} The reason is logged.</source>
      <translation>工作人员越过规则放行：{rule} 原因已记录。</translation>
    </message>
    <message>
      <source>This ticket's product ({product}) has no attendee type here: ask the organiser.</source>
      <translation>此门票的产品（{product}）在此没有对应的参会者类型：请咨询主办方。</translation>
    </message>
    <message>
      <source>This ticket is not valid yet (from {time} UTC).</source>
      <translation>此门票尚未生效（自 {time} UTC 起）。</translation>
    </message>
    <message>
      <source>This ticket has expired (valid until {time} UTC).</source>
      <translation>此门票已过期（有效期至 {time} UTC）。</translation>
    </message>
    <message>
      <source>{type} badges have no access to this hall.</source>
      <translation>{type}证件无权进入此会场。</translation>
    </message>
    <message>
      <source>Session full: {inside} / {capacity} inside.</source>
      <translation>会场已满：场内 {inside} / {capacity}。</translation>
    </message>
  </context>
  <context>
    <name>VerdictPanel</name>
    <message>
      <source>NOTE FOR STAFF</source>
      <translation>工作人员请注意</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>无照片</translation>
    </message>
    <message>
      <source>EXIT</source>
      <translation>出口</translation>
    </message>
    <message>
      <source>Leaving? Show your badge on the way out.</source>
      <translation>离场？请在出门时出示证件。</translation>
    </message>
    <message>
      <source>Show your badge</source>
      <translation>请出示胸卡</translation>
    </message>
    <message>
      <source>Hold the QR code up to the camera, or use the handheld scanner.</source>
      <translation>请将二维码对准摄像头，或使用手持扫码枪。</translation>
    </message>
    <message>
      <source>Late check-in…</source>
      <translation>补签到…</translation>
    </message>
    <message>
      <source>Decided offline: no answer from the hub</source>
      <translation>离线判定：同步中心未应答</translation>
    </message>
    <message>
      <source>Badge {id}</source>
      <translation>胸卡 {id}</translation>
    </message>
  </context>
  <context>
    <name>UnlockDialog</name>
    <message>
      <source>Unlock this kiosk</source>
      <translation>解锁此签到机</translation>
    </message>
    <message>
      <source>Its data is encrypted. Type the unlock code the organiser gave you.</source>
      <translation>数据已加密。请输入主办方提供的解锁码。</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在验证…</translation>
    </message>
    <message>
      <source>Wrong unlock code. Type it again.</source>
      <translation>解锁码错误，请重新输入。</translation>
    </message>
  </context>
</TS>
