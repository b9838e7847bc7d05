<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>BoardPages</name>
    <message>
      <source>Halls</source>
      <translation>Halls</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>Sessions</translation>
    </message>
    <message>
      <source>Seat map</source>
      <translation>Seat map</translation>
    </message>
    <message>
      <source>Roll call (staff)</source>
      <translation>Roll call (staff)</translation>
    </message>
  </context>
  <context>
    <name>BoardWindow</name>
    <message>
      <source>Venue status</source>
      <translation>Venue status</translation>
    </message>
    <message>
      <source>Entries per 15 minutes</source>
      <translation>Entries per 15 minutes</translation>
    </message>
    <message>
      <source>No session now</source>
      <translation>No session now</translation>
    </message>
    <message>
      <source>{inside} / {capacity}</source>
      <translation>{inside} / {capacity}</translation>
    </message>
    <message>
      <source>Updated {time} · local data only</source>
      <translation>Updated {time} · local data only</translation>
    </message>
    <message>
      <source>Updated {time} · all doors through the hub: {sync}</source>
      <translation>Updated {time} · all doors through the hub: {sync}</translation>
    </message>
  </context>
  <context>
    <name>CameraView</name>
    <message>
      <source>No camera: use the handheld scanner</source>
      <translation>No camera: use the handheld scanner</translation>
    </message>
    <message>
      <source>Camera on: hold the badge's QR code up to it</source>
      <translation>Camera on: hold the badge's QR code up to it</translation>
    </message>
    <message>
      <source>Starting the camera…</source>
      <translation>Starting the camera…</translation>
    </message>
  </context>
  <context>
    <name>ChairWindow</name>
    <message>
      <source>Chair's view</source>
      <translation>Chair's view</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>Late</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>Left</translation>
    </message>
    <message>
      <source>{hall} · {start}–{end} · updated {time}</source>
      <translation>{hall} · {start}–{end} · updated {time}</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>Expected</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>Capacity</translation>
    </message>
  </context>
  <context>
    <name>ConflictsPanel</name>
    <message>
      <source>Conflicts</source>
      <translation>Conflicts</translation>
    </message>
    <message>
      <source>No badge admitted twice.</source>
      <translation>No badge admitted twice.</translation>
    </message>
    <message>
      <source>{name} · {session}: admitted {times} at {doors} doors</source>
      <translation>{name} · {session}: admitted {times} at {doors} doors</translation>
    </message>
    <message>
      <source>{name} · {session}: admitted {times}</source>
      <translation>{name} · {session}: admitted {times}</translation>
    </message>
    <message>
      <source>1 badge admitted twice while doors were offline:</source>
      <translation>1 badge admitted twice while doors were offline:</translation>
    </message>
    <message>
      <source>… and {count} more (kiosk conflicts)</source>
      <translation>… and {count} more (kiosk conflicts)</translation>
    </message>
    <message>
      <source>{count} badges admitted twice while doors were offline:</source>
      <translation>{count} badges admitted twice while doors were offline:</translation>
    </message>
  </context>
  <context>
    <name>DeskActions</name>
    <message>
      <source>Correct the name</source>
      <translation>Correct the name</translation>
    </message>
    <message>
      <source>First name</source>
      <translation>First name</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation>Last name</translation>
    </message>
    <message>
      <source>Nothing replaced.</source>
      <translation>Nothing replaced.</translation>
    </message>
    <message>
      <source>Not registered: check the e-mail address.</source>
      <translation>Not registered: check the e-mail address.</translation>
    </message>
    <message>
      <source>Name corrected to {name} (logged).</source>
      <translation>Name corrected to {name} (logged).</translation>
    </message>
    <message>
      <source>Not registered: this person may be registered already.</source>
      <translation>Not registered: this person may be registered already.</translation>
    </message>
    <message>
      <source>Badge printed.</source>
      <translation>Badge printed.</translation>
    </message>
    <message>
      <source>Name not changed: {why}</source>
      <translation>Name not changed: {why}</translation>
    </message>
    <message>
      <source>Not registered: {why}</source>
      <translation>Not registered: {why}</translation>
    </message>
  </context>
  <context>
    <name>DeskCard</name>
    <message>
      <source>Company</source>
      <translation>Company</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Ticket code</source>
      <translation>Ticket code</translation>
    </message>
    <message>
      <source>Badge issue</source>
      <translation>Badge issue</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Reason (reprint, replacement)</source>
      <translation>Reason (reprint, replacement)</translation>
    </message>
    <message>
      <source>Print badge</source>
      <translation>Print badge</translation>
    </message>
    <message>
      <source>Reprint</source>
      <translation>Reprint</translation>
    </message>
    <message>
      <source>Replace lost badge</source>
      <translation>Replace lost badge</translation>
    </message>
    <message>
      <source>Correct name</source>
      <translation>Correct name</translation>
    </message>
    <message>
      <source>Search or scan a badge to show an attendee.</source>
      <translation>Search or scan a badge to show an attendee.</translation>
    </message>
    <message>
      <source>Print history</source>
      <translation>Print history</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>Printer</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>CANCELLED: no badge may be printed</source>
      <translation>CANCELLED: no badge may be printed</translation>
    </message>
    <message>
      <source>walk-in, flagged for the organiser (not signed)</source>
      <translation>walk-in, flagged for the organiser (not signed)</translation>
    </message>
    <message>
      <source>ok</source>
      <translation>ok</translation>
    </message>
    <message>
      <source>walk-in</source>
      <translation>walk-in</translation>
    </message>
    <message>
      <source>badge printed</source>
      <translation>badge printed</translation>
    </message>
    <message>
      <source>badge not printed yet</source>
      <translation>badge not printed yet</translation>
    </message>
    <message>
      <source>FAILED: {error}</source>
      <translation>FAILED: {error}</translation>
    </message>
    <message>
      <source>REVOKED ({why}): no badge may be printed</source>
      <translation>REVOKED ({why}): no badge may be printed</translation>
    </message>
  </context>
  <context>
    <name>DeskMessages</name>
    <message>
      <source>A badge is still printing: wait for it to come out.</source>
      <translation>A badge is still printing: wait for it to come out.</translation>
    </message>
    <message>
      <source>This attendee's badge is revoked by the organiser: no badge may be printed.</source>
      <translation>This attendee's badge is revoked by the organiser: no badge may be printed.</translation>
    </message>
    <message>
      <source>Unknown code: nobody on this kiosk's list has it.</source>
      <translation>Unknown code: nobody on this kiosk's list has it.</translation>
    </message>
    <message>
      <source>This registration is cancelled: no badge may be printed.</source>
      <translation>This registration is cancelled: no badge may be printed.</translation>
    </message>
    <message>
      <source>This badge was replaced: it is refused at the doors.</source>
      <translation>This badge was replaced: it is refused at the doors.</translation>
    </message>
    <message>
      <source>A valid badge of someone not on this kiosk's list yet: sync, or register them.</source>
      <translation>A valid badge of someone not on this kiosk's list yet: sync, or register them.</translation>
    </message>
    <message>
      <source>A badge of another event.</source>
      <translation>A badge of another event.</translation>
    </message>
    <message>
      <source>Not a badge: a foreign QR code (a link, Wi-Fi, ...).</source>
      <translation>Not a badge: a foreign QR code (a link, Wi-Fi, ...).</translation>
    </message>
    <message>
      <source>Invalid badge: the signature does not match (forged or damaged).</source>
      <translation>Invalid badge: the signature does not match (forged or damaged).</translation>
    </message>
    <message>
      <source>A badge signed with a key this kiosk does not trust.</source>
      <translation>A badge signed with a key this kiosk does not trust.</translation>
    </message>
    <message>
      <source>This badge was printed before: use Reprint with a reason.</source>
      <translation>This badge was printed before: use Reprint with a reason.</translation>
    </message>
    <message>
      <source>Choose or type a reason first.</source>
      <translation>Choose or type a reason first.</translation>
    </message>
    <message>
      <source>The staff PIN was refused (changed, or locked out after wrong tries): unlock again.</source>
      <translation>The staff PIN was refused (changed, or locked out after wrong tries): unlock again.</translation>
    </message>
    <message>
      <source>first print</source>
      <translation>first print</translation>
    </message>
    <message>
      <source>reprint</source>
      <translation>reprint</translation>
    </message>
    <message>
      <source>walk-in</source>
      <translation>walk-in</translation>
    </message>
    <message>
      <source>replacement</source>
      <translation>replacement</translation>
    </message>
    <message>
      <source>This code cannot be used ({reason}).</source>
      <translation>This code cannot be used ({reason}).</translation>
    </message>
    <message>
      <source>Printed: {name}'s badge ({kind}).</source>
      <translation>Printed: {name}'s badge ({kind}).</translation>
    </message>
    <message>
      <source>Printer failed for {name}: {error}. The badge is NOT marked printed.</source>
      <translation>Printer failed for {name}: {error}. The badge is NOT marked printed.</translation>
    </message>
    <message>
      <source>{name} registered with a signed badge code.</source>
      <translation>{name} registered with a signed badge code.</translation>
    </message>
    <message>
      <source>{name}'s old badge is revoked here now and at every door after its next sync.</source>
      <translation>{name}'s old badge is revoked here now and at every door after its next sync.</translation>
    </message>
    <message>
      <source>No signing key here: the new badge carries a new ticket code.</source>
      <translation>No signing key here: the new badge carries a new ticket code.</translation>
    </message>
    <message>
      <source>Printing {name}'s badge…</source>
      <translation>Printing {name}'s badge…</translation>
    </message>
    <message>
      <source>Replace {name}'s badge?

The old badge will be refused at this kiosk at once and at every door after it syncs. A new badge prints now.</source>
      <translation>Replace {name}'s badge?

The old badge will be refused at this kiosk at once and at every door after it syncs. A new badge prints now.</translation>
    </message>
    <message>
      <source>Already registered with this name and e-mail or company: {who}. Show them and print their badge, or, if this is a different person, register anyway.</source>
      <translation>Already registered with this name and e-mail or company: {who}. Show them and print their badge, or, if this is a different person, register anyway.</translation>
    </message>
    <message>
      <source>Register a new attendee named {name}?

Only if you have checked that this is a different person from the {name} already registered: a second badge for the same person is a badge to lend.</source>
      <translation>Register a new attendee named {name}?

Only if you have checked that this is a different person from the {name} already registered: a second badge for the same person is a badge to lend.</translation>
    </message>
    <message>
      <source>{name} registered: flagged for the organiser (this machine has no signing key, the badge carries a local ticket code).</source>
      <translation>{name} registered: flagged for the organiser (this machine has no signing key, the badge carries a local ticket code).</translation>
    </message>
    <message>
      <source>staff</source>
      <translation>staff</translation>
    </message>
  </context>
  <context>
    <name>DeskWalkIn</name>
    <message>
      <source>The name cannot be empty.</source>
      <translation>The name cannot be empty.</translation>
    </message>
    <message>
      <source>This is too long or holds characters a badge cannot print.</source>
      <translation>This is too long or holds characters a badge cannot print.</translation>
    </message>
    <message>
      <source>This is not an e-mail address.</source>
      <translation>This is not an e-mail address.</translation>
    </message>
    <message>
      <source>Required for a walk-in: a first and a last name, and an e-mail or a company.</source>
      <translation>Required for a walk-in: a first and a last name, and an e-mail or a company.</translation>
    </message>
    <message>
      <source>Register a walk-in attendee</source>
      <translation>Register a walk-in attendee</translation>
    </message>
    <message>
      <source>First name</source>
      <translation>First name</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation>Last name</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Company</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Attendee type</source>
      <translation>Attendee type</translation>
    </message>
    <message>
      <source>Register and print badge</source>
      <translation>Register and print badge</translation>
    </message>
    <message>
      <source>Print the badge again</source>
      <translation>Print the badge again</translation>
    </message>
    <message>
      <source>Show attendee</source>
      <translation>Show attendee</translation>
    </message>
    <message>
      <source>A different person: register</source>
      <translation>A different person: register</translation>
    </message>
    <message>
      <source>New walk-in</source>
      <translation>New walk-in</translation>
    </message>
  </context>
  <context>
    <name>DeskWindow</name>
    <message>
      <source>Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>Lock</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>Staff desk locked</source>
      <translation>Staff desk locked</translation>
    </message>
    <message>
      <source>Enter the staff PIN to register walk-ins and print badges.</source>
      <translation>Enter the staff PIN to register walk-ins and print badges.</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <source>Staff desk · {event}</source>
      <translation>Staff desk · {event}</translation>
    </message>
    <message>
      <source>Find attendee</source>
      <translation>Find attendee</translation>
    </message>
    <message>
      <source>Register walk-in</source>
      <translation>Register walk-in</translation>
    </message>
    <message>
      <source>Desk unlocked. Search, scan a badge or register a walk-in.</source>
      <translation>Desk unlocked. Search, scan a badge or register a walk-in.</translation>
    </message>
    <message>
      <source>Locked.</source>
      <translation>Locked.</translation>
    </message>
    <message>
      <source>Please confirm</source>
      <translation>Please confirm</translation>
    </message>
    <message>
      <source>Unlock the desk before scanning.</source>
      <translation>Unlock the desk before scanning.</translation>
    </message>
    <message>
      <source>Staff desk — {event}</source>
      <translation>Staff desk — {event}</translation>
    </message>
    <message>
      <source>Wrong staff PIN.</source>
      <translation>Wrong staff PIN.</translation>
    </message>
    <message>
      <source>Scanned: {name}.</source>
      <translation>Scanned: {name}.</translation>
    </message>
    <message>
      <source>Too many wrong PINs: try again in {s} s.</source>
      <translation>Too many wrong PINs: try again in {s} s.</translation>
    </message>
  </context>
  <context>
    <name>DoorWindow</name>
    <message>
      <source>Kiosk door</source>
      <translation>Kiosk door</translation>
    </message>
    <message>
      <source>NOT RECORDED</source>
      <translation>NOT RECORDED</translation>
    </message>
    <message>
      <source>Inside</source>
      <translation>Inside</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>Left</translation>
    </message>
    <message>
      <source>Not in yet</source>
      <translation>Not in yet</translation>
    </message>
    <message>
      <source>Please scan again. ({message})</source>
      <translation>Please scan again. ({message})</translation>
    </message>
  </context>
  <context>
    <name>HallChooser</name>
    <message>
      <source>Which door is this kiosk at?</source>
      <translation>Which door is this kiosk at?</translation>
    </message>
    <message>
      <source>Choose the hall</source>
      <translation>Choose the hall</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Open this door</source>
      <translation>Open this door</translation>
    </message>
  </context>
  <context>
    <name>HeaderBar</name>
    <message>
      <source>Staff</source>
      <translation>Staff</translation>
    </message>
    <message>
      <source>{inside} / {capacity} inside</source>
      <translation>{inside} / {capacity} inside</translation>
    </message>
    <message>
      <source>No session admitting now</source>
      <translation>No session admitting now</translation>
    </message>
    <message>
      <source>No more sessions today</source>
      <translation>No more sessions today</translation>
    </message>
    <message>
      <source>⇥ ENTRY mode</source>
      <translation>⇥ ENTRY mode</translation>
    </message>
    <message>
      <source>⇤ EXIT mode</source>
      <translation>⇤ EXIT mode</translation>
    </message>
    <message>
      <source>NEARLY FULL</source>
      <translation>NEARLY FULL</translation>
    </message>
    <message>
      <source>FULL</source>
      <translation>FULL</translation>
    </message>
    <message>
      <source>admission {opens}–{closes}</source>
      <translation>admission {opens}–{closes}</translation>
    </message>
    <message>
      <source>ddd d MMM</source>
      <translation>ddd d MMM</translation>
    </message>
    <message>
      <source>Now: {title} ({start}–{end}), {window}</source>
      <translation>Now: {title} ({start}–{end}), {window}</translation>
    </message>
    <message>
      <source>{date}, {time}</source>
      <translation>{date}, {time}</translation>
    </message>
    <message>
      <source>Next: {start} {title} (admission from {opens})</source>
      <translation>Next: {start} {title} (admission from {opens})</translation>
    </message>
  </context>
  <context>
    <name>KioskDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>LateCheckinDialog</name>
    <message>
      <source>Forgot to scan at the door</source>
      <translation>Forgot to scan at the door</translation>
    </message>
    <message>
      <source>The door scanner was down</source>
      <translation>The door scanner was down</translation>
    </message>
    <message>
      <source>From the paper sign-in list</source>
      <translation>From the paper sign-in list</translation>
    </message>
    <message>
      <source>That time is still to come.</source>
      <translation>That time is still to come.</translation>
    </message>
    <message>
      <source>The session did not run at that time.</source>
      <translation>The session did not run at that time.</translation>
    </message>
    <message>
      <source>Please give a reason.</source>
      <translation>Please give a reason.</translation>
    </message>
    <message>
      <source>The reason is too long (at most 500 characters).</source>
      <translation>The reason is too long (at most 500 characters).</translation>
    </message>
    <message>
      <source>The reason must be one line of text.</source>
      <translation>The reason must be one line of text.</translation>
    </message>
    <message>
      <source>This registration was cancelled.</source>
      <translation>This registration was cancelled.</translation>
    </message>
    <message>
      <source>This badge has been revoked.</source>
      <translation>This badge has been revoked.</translation>
    </message>
    <message>
      <source>A scan would refuse this person for this session.</source>
      <translation>A scan would refuse this person for this session.</translation>
    </message>
    <message>
      <source>Already checked in to this session by a scan.</source>
      <translation>Already checked in to this session by a scan.</translation>
    </message>
    <message>
      <source>A late check-in is recorded for this person and session already.</source>
      <translation>A late check-in is recorded for this person and session already.</translation>
    </message>
    <message>
      <source>This kiosk may not record late check-ins.</source>
      <translation>This kiosk may not record late check-ins.</translation>
    </message>
    <message>
      <source>Nothing was recorded.</source>
      <translation>Nothing was recorded.</translation>
    </message>
    <message>
      <source>Late check-in</source>
      <translation>Late check-in</translation>
    </message>
    <message>
      <source>For someone who attended although no scan recorded it. It counts as attendance, not as an entry: nobody is counted inside.</source>
      <translation>For someone who attended although no scan recorded it. It counts as attendance, not as an entry: nobody is counted inside.</translation>
    </message>
    <message>
      <source>HH:MM (empty: now, or the start if it has ended)</source>
      <translation>HH:MM (empty: now, or the start if it has ended)</translation>
    </message>
    <message>
      <source>Record late check-in</source>
      <translation>Record late check-in</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Session:</source>
      <translation>Session:</translation>
    </message>
    <message>
      <source>Attended at:</source>
      <translation>Attended at:</translation>
    </message>
    <message>
      <source>Reason:</source>
      <translation>Reason:</translation>
    </message>
    <message>
      <source>No session of this hall has opened today.</source>
      <translation>No session of this hall has opened today.</translation>
    </message>
    <message>
      <source>Type the time as HH:MM, e.g. 10:20.</source>
      <translation>Type the time as HH:MM, e.g. 10:20.</translation>
    </message>
    <message>
      <source>Late check-in recorded: {name}, {session}.</source>
      <translation>Late check-in recorded: {name}, {session}.</translation>
    </message>
  </context>
  <context>
    <name>PinDialog</name>
    <message>
      <source>Enter the staff PIN</source>
      <translation>Enter the staff PIN</translation>
    </message>
    <message>
      <source>Staff PIN</source>
      <translation>Staff PIN</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Wrong PIN. {n} tries left before a lock-out.</source>
      <translation>Wrong PIN. {n} tries left before a lock-out.</translation>
    </message>
    <message>
      <source>Too many wrong PINs. Try again in {s} s.</source>
      <translation>Too many wrong PINs. Try again in {s} s.</translation>
    </message>
  </context>
  <context>
    <name>Report</name>
    <message>
      <source>ddd d MMM</source>
      <translation>ddd d MMM</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>Session</translation>
    </message>
    <message>
      <source>Hall</source>
      <translation>Hall</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>People</source>
      <translation>People</translation>
    </message>
    <message>
      <source>Entries</source>
      <translation>Entries</translation>
    </message>
    <message>
      <source>Peak</source>
      <translation>Peak</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>Capacity</translation>
    </message>
    <message>
      <source>Attendance per session</source>
      <translation>Attendance per session</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>Registered</translation>
    </message>
    <message>
      <source>Scanned</source>
      <translation>Scanned</translation>
    </message>
    <message>
      <source>Late check-ins</source>
      <translation>Late check-ins</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>Present %</source>
      <translation>Present %</translation>
    </message>
    <message>
      <source>Registered and present per session</source>
      <translation>Registered and present per session</translation>
    </message>
    <message>
      <source>Entered</source>
      <translation>Entered</translation>
    </message>
    <message>
      <source>Left, not back</source>
      <translation>Left, not back</translation>
    </message>
    <message>
      <source>Left, came back</source>
      <translation>Left, came back</translation>
    </message>
    <message>
      <source>Exits before the end</source>
      <translation>Exits before the end</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Seat</source>
      <translation>Seat</translation>
    </message>
    <message>
      <source>Left at</source>
      <translation>Left at</translation>
    </message>
    <message>
      <source>Then</source>
      <translation>Then</translation>
    </message>
    <message>
      <source>Attendee</source>
      <translation>Attendee</translation>
    </message>
    <message>
      <source>Attended at</source>
      <translation>Attended at</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Kiosk</source>
      <translation>Kiosk</translation>
    </message>
    <message>
      <source>Late check-ins (recorded by staff, apart from scans)</source>
      <translation>Late check-ins (recorded by staff, apart from scans)</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Never admitted</source>
      <translation>Never admitted</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>Share</translation>
    </message>
    <message>
      <source>No-shows per attendee type</source>
      <translation>No-shows per attendee type</translation>
    </message>
    <message>
      <source>Conflicts: badges admitted twice at different doors</source>
      <translation>Conflicts: badges admitted twice at different doors</translation>
    </message>
    <message>
      <source>none</source>
      <translation>none</translation>
    </message>
    <message>
      <source>Leavers per session (left before the end)</source>
      <translation>Leavers per session (left before the end)</translation>
    </message>
    <message>
      <source>People who left before the end</source>
      <translation>People who left before the end</translation>
    </message>
    <message>
      <source>Admissions</source>
      <translation>Admissions</translation>
    </message>
    <message>
      <source>none: no badge was admitted twice</source>
      <translation>none: no badge was admitted twice</translation>
    </message>
    <message>
      <source>{event}, generated {time}: {records} records from {kiosks} kiosks, {offline} decided offline</source>
      <translation>{event}, generated {time}: {records} records from {kiosks} kiosks, {offline} decided offline</translation>
    </message>
    <message>
      <source>{event}: attendance</source>
      <translation>{event}: attendance</translation>
    </message>
    <message>
      <source>no entries</source>
      <translation>no entries</translation>
    </message>
    <message>
      <source>came back</source>
      <translation>came back</translation>
    </message>
    <message>
      <source>did not return</source>
      <translation>did not return</translation>
    </message>
    <message>
      <source>none: nobody entered a session</source>
      <translation>none: nobody entered a session</translation>
    </message>
    <message>
      <source>Entries over time, {day} (per 15 minutes)</source>
      <translation>Entries over time, {day} (per 15 minutes)</translation>
    </message>
    <message>
      <source>{count} admissions</source>
      <translation>{count} admissions</translation>
    </message>
    <message>
      <source>Where the data comes from</source>
      <translation>Where the data comes from</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>Records</translation>
    </message>
    <message>
      <source>Newest record</source>
      <translation>Newest record</translation>
    </message>
    <message>
      <source>State</source>
      <translation>State</translation>
    </message>
    <message>
      <source>no records and no door kiosks enrolled</source>
      <translation>no records and no door kiosks enrolled</translation>
    </message>
    <message>
      <source>no session</source>
      <translation>no session</translation>
    </message>
    <message>
      <source>{time} ({zone}): {count} inside, per the records merged here</source>
      <translation>{time} ({zone}): {count} inside, per the records merged here</translation>
    </message>
    <message>
      <source>{event}: roll call</source>
      <translation>{event}: roll call</translation>
    </message>
    <message>
      <source>this kiosk, never synced: other doors' entries are missing</source>
      <translation>this kiosk, never synced: other doors' entries are missing</translation>
    </message>
    <message>
      <source>nothing received: its entries are missing here</source>
      <translation>nothing received: its entries are missing here</translation>
    </message>
    <message>
      <source>{hall} ({session}): {count} inside</source>
      <translation>{hall} ({session}): {count} inside</translation>
    </message>
    <message>
      <source>quiet: idle, or not synced since</source>
      <translation>quiet: idle, or not synced since</translation>
    </message>
    <message>
      <source>Door</source>
      <translation>Door</translation>
    </message>
    <message>
      <source>nobody inside</source>
      <translation>nobody inside</translation>
    </message>
    <message>
      <source>this kiosk, last sync {time}</source>
      <translation>this kiosk, last sync {time}</translation>
    </message>
  </context>
  <context>
    <name>RollCallView</name>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Roll call: who is inside now</source>
      <translation>Roll call: who is inside now</translation>
    </message>
    <message>
      <source>All halls: {n}</source>
      <translation>All halls: {n}</translation>
    </message>
    <message>
      <source>just now</source>
      <translation>just now</translation>
    </message>
    <message>
      <source>{n} h ago</source>
      <translation>{n} h ago</translation>
    </message>
    <message>
      <source>Never synced: this kiosk's own records only</source>
      <translation>Never synced: this kiosk's own records only</translation>
    </message>
    <message>
      <source>{n} min ago</source>
      <translation>{n} min ago</translation>
    </message>
    <message>
      <source>Hall</source>
      <translation>Hall</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Seat</source>
      <translation>Seat</translation>
    </message>
    <message>
      <source>Entered</source>
      <translation>Entered</translation>
    </message>
    <message>
      <source>Door</source>
      <translation>Door</translation>
    </message>
    <message>
      <source>Last sync: {time}</source>
      <translation>Last sync: {time}</translation>
    </message>
    <message>
      <source>{kiosk}: nothing received yet: its entries may be missing</source>
      <translation>{kiosk}: nothing received yet: its entries may be missing</translation>
    </message>
    <message>
      <source>{kiosk}: newest record {time}</source>
      <translation>{kiosk}: newest record {time}</translation>
    </message>
    <message>
      <source>quiet: may not have synced</source>
      <translation>quiet: may not have synced</translation>
    </message>
  </context>
  <context>
    <name>SearchDialog</name>
    <message>
      <source>Name, company, e-mail or code</source>
      <translation>Name, company, e-mail or code</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Company</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Here</source>
      <translation>Here</translation>
    </message>
    <message>
      <source>Nobody found.</source>
      <translation>Nobody found.</translation>
    </message>
    <message>
      <source>Many found: type more to narrow the list.</source>
      <translation>Many found: type more to narrow the list.</translation>
    </message>
    <message>
      <source>{n} found.</source>
      <translation>{n} found.</translation>
    </message>
    <message>
      <source>Badge will not scan</source>
      <translation>Badge will not scan</translation>
    </message>
    <message>
      <source>Badge forgotten, identity checked</source>
      <translation>Badge forgotten, identity checked</translation>
    </message>
    <message>
      <source>Speaker or organiser request</source>
      <translation>Speaker or organiser request</translation>
    </message>
    <message>
      <source>Search attendees</source>
      <translation>Search attendees</translation>
    </message>
    <message>
      <source>Admit manually</source>
      <translation>Admit manually</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Reason:</source>
      <translation>Reason:</translation>
    </message>
    <message>
      <source>Admit anyway…</source>
      <translation>Admit anyway…</translation>
    </message>
    <message>
      <source>Override the rule?</source>
      <translation>Override the rule?</translation>
    </message>
    <message>
      <source>Admit anyway</source>
      <translation>Admit anyway</translation>
    </message>
    <message>
      <source>A scan would refuse {name}: {rule}

Admit anyway? The override and your reason are logged.</source>
      <translation>A scan would refuse {name}: {rule}

Admit anyway? The override and your reason are logged.</translation>
    </message>
    <message>
      <source>A scan would refuse: {rule}</source>
      <translation>A scan would refuse: {rule}</translation>
    </message>
    <message>
      <source>A scan would admit {name}.</source>
      <translation>A scan would admit {name}.</translation>
    </message>
  </context>
  <context>
    <name>SeatMapPage</name>
    <message>
      <source>Stage</source>
      <translation>Stage</translation>
    </message>
    <message>
      <source>No session with seats today</source>
      <translation>No session with seats today</translation>
    </message>
    <message>
      <source>A seat map shows once attendees have seats.</source>
      <translation>A seat map shows once attendees have seats.</translation>
    </message>
    <message>
      <source>in their seat: {n}</source>
      <translation>in their seat: {n}</translation>
    </message>
    <message>
      <source>not yet: {n}</source>
      <translation>not yet: {n}</translation>
    </message>
    <message>
      <source>Not on the map (label not read as row and seat): {n}, inside: {m}</source>
      <translation>Not on the map (label not read as row and seat): {n}, inside: {m}</translation>
    </message>
    <message>
      <source>{present} / {expected} present</source>
      <translation>{present} / {expected} present</translation>
    </message>
    <message>
      <source>{inside} / {capacity} inside</source>
      <translation>{inside} / {capacity} inside</translation>
    </message>
  </context>
  <context>
    <name>SessionsPage</name>
    <message>
      <source>open session: inside of capacity</source>
      <translation>open session: inside of capacity</translation>
    </message>
    <message>
      <source>present of registered</source>
      <translation>present of registered</translation>
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
      <translation>Time</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>Session</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>Inside now</source>
      <translation>Inside now</translation>
    </message>
    <message>
      <source>Seated</source>
      <translation>Seated</translation>
    </message>
    <message>
      <source>{present} / {expected}</source>
      <translation>{present} / {expected}</translation>
    </message>
    <message>
      <source>No sessions today</source>
      <translation>No sessions today</translation>
    </message>
    <message>
      <source>{n} more sessions today not shown</source>
      <translation>{n} more sessions today not shown</translation>
    </message>
  </context>
  <context>
    <name>StaffDialog</name>
    <message>
      <source>unknown badge</source>
      <translation>unknown badge</translation>
    </message>
    <message>
      <source>It will no longer count, and the number inside is corrected.</source>
      <translation>It will no longer count, and the number inside is corrected.</translation>
    </message>
    <message>
      <source>Undo the last scan?</source>
      <translation>Undo the last scan?</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>{verdict}: {name} at {time}</source>
      <translation>{verdict}: {name} at {time}</translation>
    </message>
    <message>
      <source>Quit the kiosk?</source>
      <translation>Quit the kiosk?</translation>
    </message>
    <message>
      <source>Quit the kiosk</source>
      <translation>Quit the kiosk</translation>
    </message>
    <message>
      <source>The door screen of {hall} closes and nobody is checked in here until it is started again.</source>
      <translation>The door screen of {hall} closes and nobody is checked in here until it is started again.</translation>
    </message>
    <message>
      <source>Staff functions</source>
      <translation>Staff functions</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>Staff</translation>
    </message>
    <message>
      <source>Back to scanning</source>
      <translation>Back to scanning</translation>
    </message>
    <message>
      <source>Search / admit manually</source>
      <translation>Search / admit manually</translation>
    </message>
    <message>
      <source>Undo last scan</source>
      <translation>Undo last scan</translation>
    </message>
    <message>
      <source>Switch entry / exit</source>
      <translation>Switch entry / exit</translation>
    </message>
    <message>
      <source>Choose hall</source>
      <translation>Choose hall</translation>
    </message>
    <message>
      <source>Sound on</source>
      <translation>Sound on</translation>
    </message>
    <message>
      <source>Mute sound</source>
      <translation>Mute sound</translation>
    </message>
    <message>
      <source>Allow motion</source>
      <translation>Allow motion</translation>
    </message>
    <message>
      <source>Reduce motion</source>
      <translation>Reduce motion</translation>
    </message>
    <message>
      <source>Leave full screen</source>
      <translation>Leave full screen</translation>
    </message>
    <message>
      <source>Full screen (locked)</source>
      <translation>Full screen (locked)</translation>
    </message>
  </context>
  <context>
    <name>SyncText</name>
    <message>
      <source>1 check-in waiting</source>
      <translation>1 check-in waiting</translation>
    </message>
    <message>
      <source>{count} check-ins waiting</source>
      <translation>{count} check-ins waiting</translation>
    </message>
    <message>
      <source>Local only</source>
      <translation>Local only</translation>
    </message>
    <message>
      <source>Hub: {hub}</source>
      <translation>Hub: {hub}</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>Online</translation>
    </message>
    <message>
      <source>Connecting to the hub…</source>
      <translation>Connecting to the hub…</translation>
    </message>
    <message>
      <source>Online · synced {time}</source>
      <translation>Online · synced {time}</translation>
    </message>
    <message>
      <source>Offline since {time}</source>
      <translation>Offline since {time}</translation>
    </message>
  </context>
  <context>
    <name>Verdict</name>
    <message>
      <source>DENIED</source>
      <translation>DENIED</translation>
    </message>
    <message>
      <source>Same badge again: shown, not counted twice.</source>
      <translation>Same badge again: shown, not counted twice.</translation>
    </message>
    <message>
      <source>ADMIT AGAIN</source>
      <translation>ADMIT AGAIN</translation>
    </message>
    <message>
      <source>ADMIT (STAFF)</source>
      <translation>ADMIT (STAFF)</translation>
    </message>
    <message>
      <source>EXIT</source>
      <translation>EXIT</translation>
    </message>
    <message>
      <source>UNDONE</source>
      <translation>UNDONE</translation>
    </message>
    <message>
      <source>The last scan was undone and no longer counts.</source>
      <translation>The last scan was undone and no longer counts.</translation>
    </message>
    <message>
      <source>Welcome. Entry recorded.</source>
      <translation>Welcome. Entry recorded.</translation>
    </message>
    <message>
      <source>Welcome back. Re-entry recorded.</source>
      <translation>Welcome back. Re-entry recorded.</translation>
    </message>
    <message>
      <source>Admitted by staff. The reason is logged.</source>
      <translation>Admitted by staff. The reason is logged.</translation>
    </message>
    <message>
      <source>Goodbye. Exit recorded.</source>
      <translation>Goodbye. Exit recorded.</translation>
    </message>
    <message>
      <source>Exit recorded (no entry on record).</source>
      <translation>Exit recorded (no entry on record).</translation>
    </message>
    <message>
      <source>This badge is already inside this session.</source>
      <translation>This badge is already inside this session.</translation>
    </message>
    <message>
      <source>Already inside: admitted at another door.</source>
      <translation>Already inside: admitted at another door.</translation>
    </message>
    <message>
      <source>Single entry only: this badge has already left once.</source>
      <translation>Single entry only: this badge has already left once.</translation>
    </message>
    <message>
      <source>Not registered for this session.</source>
      <translation>Not registered for this session.</translation>
    </message>
    <message>
      <source>This session is by invitation only.</source>
      <translation>This session is by invitation only.</translation>
    </message>
    <message>
      <source>This badge type has no access to this hall.</source>
      <translation>This badge type has no access to this hall.</translation>
    </message>
    <message>
      <source>Unknown attendee type: ask the registration desk.</source>
      <translation>Unknown attendee type: ask the registration desk.</translation>
    </message>
    <message>
      <source>Admission has not opened yet.</source>
      <translation>Admission has not opened yet.</translation>
    </message>
    <message>
      <source>Admission to this session has closed.</source>
      <translation>Admission to this session has closed.</translation>
    </message>
    <message>
      <source>No session in this hall now.</source>
      <translation>No session in this hall now.</translation>
    </message>
    <message>
      <source>The session is full.</source>
      <translation>The session is full.</translation>
    </message>
    <message>
      <source>This registration was cancelled.</source>
      <translation>This registration was cancelled.</translation>
    </message>
    <message>
      <source>This badge was replaced by a newer one.</source>
      <translation>This badge was replaced by a newer one.</translation>
    </message>
    <message>
      <source>This card was reported lost: ask the registration desk.</source>
      <translation>This card was reported lost: ask the registration desk.</translation>
    </message>
    <message>
      <source>This badge has been revoked.</source>
      <translation>This badge has been revoked.</translation>
    </message>
    <message>
      <source>This badge is not known at this event.</source>
      <translation>This badge is not known at this event.</translation>
    </message>
    <message>
      <source>This QR code is not a badge (a link or another code).</source>
      <translation>This QR code is not a badge (a link or another code).</translation>
    </message>
    <message>
      <source>The code could not be read. Please try again.</source>
      <translation>The code could not be read. Please try again.</translation>
    </message>
    <message>
      <source>This code is far too long to be a badge.</source>
      <translation>This code is far too long to be a badge.</translation>
    </message>
    <message>
      <source>Damaged or incomplete badge code.</source>
      <translation>Damaged or incomplete badge code.</translation>
    </message>
    <message>
      <source>The badge's signature is wrong: it may be forged.</source>
      <translation>The badge's signature is wrong: it may be forged.</translation>
    </message>
    <message>
      <source>The badge is signed with an unknown key.</source>
      <translation>The badge is signed with an unknown key.</translation>
    </message>
    <message>
      <source>This badge is for another event.</source>
      <translation>This badge is for another event.</translation>
    </message>
    <message>
      <source>This ticket was replaced by a newer one (revoked in pretix).</source>
      <translation>This ticket was replaced by a newer one (revoked in pretix).</translation>
    </message>
    <message>
      <source>This ticket is blocked in pretix: ask the registration desk.</source>
      <translation>This ticket is blocked in pretix: ask the registration desk.</translation>
    </message>
    <message>
      <source>This ticket is not valid yet.</source>
      <translation>This ticket is not valid yet.</translation>
    </message>
    <message>
      <source>This ticket has expired.</source>
      <translation>This ticket has expired.</translation>
    </message>
    <message>
      <source>This ticket's product has no attendee type here.</source>
      <translation>This ticket's product has no attendee type here.</translation>
    </message>
    <message>
      <source>This ticket is for another date of the event.</source>
      <translation>This ticket is for another date of the event.</translation>
    </message>
    <message>
      <source>Not in this kiosk's list yet, but the badge is genuine: check the name by eye.</source>
      <translation>Not in this kiosk's list yet, but the badge is genuine: check the name by eye.</translation>
    </message>
    <message>
      <source>ENTRY</source>
      <translation>ENTRY</translation>
    </message>
    <message>
      <source>ADMIT — CHECK BADGE</source>
      <translation>ADMIT — CHECK BADGE</translation>
    </message>
    <message>
      <source>ADMIT</source>
      <translation>ADMIT</translation>
    </message>
    <message>
      <source>Seat {seat}</source>
      <translation>Seat {seat}</translation>
    </message>
    <message>
      <source>Admitted by staff despite: {rule} The reason is logged.</source>
      <translation>Admitted by staff despite: {rule} The reason is logged.</translation>
    </message>
    <message>
      <source>This ticket's product ({product}) has no attendee type here: ask the organiser.</source>
      <translation>This ticket's product ({product}) has no attendee type here: ask the organiser.</translation>
    </message>
    <message>
      <source>This ticket is not valid yet (from {time} UTC).</source>
      <translation>This ticket is not valid yet (from {time} UTC).</translation>
    </message>
    <message>
      <source>This ticket has expired (valid until {time} UTC).</source>
      <translation>This ticket has expired (valid until {time} UTC).</translation>
    </message>
    <message>
      <source>{type} badges have no access to this hall.</source>
      <translation>{type} badges have no access to this hall.</translation>
    </message>
    <message>
      <source>Session full: {inside} / {capacity} inside.</source>
      <translation>Session full: {inside} / {capacity} inside.</translation>
    </message>
  </context>
  <context>
    <name>VerdictPanel</name>
    <message>
      <source>NOTE FOR STAFF</source>
      <translation>NOTE FOR STAFF</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>No photo</translation>
    </message>
    <message>
      <source>EXIT</source>
      <translation>EXIT</translation>
    </message>
    <message>
      <source>Leaving? Show your badge on the way out.</source>
      <translation>Leaving? Show your badge on the way out.</translation>
    </message>
    <message>
      <source>Show your badge</source>
      <translation>Show your badge</translation>
    </message>
    <message>
      <source>Hold the QR code up to the camera, or use the handheld scanner.</source>
      <translation>Hold the QR code up to the camera, or use the handheld scanner.</translation>
    </message>
    <message>
      <source>Late check-in…</source>
      <translation>Late check-in…</translation>
    </message>
    <message>
      <source>Decided offline: no answer from the hub</source>
      <translation>Decided offline: no answer from the hub</translation>
    </message>
    <message>
      <source>Badge {id}</source>
      <translation>Badge {id}</translation>
    </message>
  </context>
  <context>
    <name>UnlockDialog</name>
    <message>
      <source>Unlock this kiosk</source>
      <translation>Unlock this kiosk</translation>
    </message>
    <message>
      <source>Its data is encrypted. Type the unlock code the organiser gave you.</source>
      <translation>Its data is encrypted. Type the unlock code the organiser gave you.</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>Wrong unlock code. Type it again.</source>
      <translation>Wrong unlock code. Type it again.</translation>
    </message>
  </context>
</TS>
