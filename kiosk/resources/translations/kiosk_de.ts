<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
  <context>
    <name>BoardPages</name>
    <message>
      <source>Halls</source>
      <translation>Säle</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>Veranstaltungen</translation>
    </message>
    <message>
      <source>Seat map</source>
      <translation>Sitzplan</translation>
    </message>
    <message>
      <source>Roll call (staff)</source>
      <translation>Anwesenheitsliste (Personal)</translation>
    </message>
  </context>
  <context>
    <name>BoardWindow</name>
    <message>
      <source>Venue status</source>
      <translation>Veranstaltungsstatus</translation>
    </message>
    <message>
      <source>Entries per 15 minutes</source>
      <translation>Einlässe je 15 Minuten</translation>
    </message>
    <message>
      <source>No session now</source>
      <translation>Derzeit keine Veranstaltung</translation>
    </message>
    <message>
      <source>{inside} / {capacity}</source>
      <translation>{inside} / {capacity}</translation>
    </message>
    <message>
      <source>Updated {time} · local data only</source>
      <translation>Aktualisiert {time} · nur lokale Daten</translation>
    </message>
    <message>
      <source>Updated {time} · all doors through the hub: {sync}</source>
      <translation>Aktualisiert {time} · alle Eingänge über den Hub: {sync}</translation>
    </message>
  </context>
  <context>
    <name>CameraView</name>
    <message>
      <source>No camera: use the handheld scanner</source>
      <translation>Keine Kamera: Handscanner benutzen</translation>
    </message>
    <message>
      <source>Camera on: hold the badge's QR code up to it</source>
      <translation>Kamera an: QR-Code des Ausweises davorhalten</translation>
    </message>
    <message>
      <source>Starting the camera…</source>
      <translation>Kamera wird gestartet …</translation>
    </message>
  </context>
  <context>
    <name>ChairWindow</name>
    <message>
      <source>Chair's view</source>
      <translation>Ansicht für die Moderation</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>Anwesend</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>Verspätet</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>Gegangen</translation>
    </message>
    <message>
      <source>{hall} · {start}–{end} · updated {time}</source>
      <translation>{hall} · {start}–{end} · Stand {time}</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>Erwartet</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>Plätze</translation>
    </message>
  </context>
  <context>
    <name>ConflictsPanel</name>
    <message>
      <source>Conflicts</source>
      <translation>Konflikte</translation>
    </message>
    <message>
      <source>No badge admitted twice.</source>
      <translation>Kein Ausweis doppelt eingelassen.</translation>
    </message>
    <message>
      <source>{name} · {session}: admitted {times} at {doors} doors</source>
      <translation>{name} · {session}: eingelassen {times} an {doors} Eingängen</translation>
    </message>
    <message>
      <source>{name} · {session}: admitted {times}</source>
      <translation>{name} · {session}: eingelassen {times}</translation>
    </message>
    <message>
      <source>1 badge admitted twice while doors were offline:</source>
      <translation>1 Ausweis doppelt eingelassen, während Eingänge offline waren:</translation>
    </message>
    <message>
      <source>… and {count} more (kiosk conflicts)</source>
      <translation>… und {count} weitere (kiosk conflicts)</translation>
    </message>
    <message>
      <source>{count} badges admitted twice while doors were offline:</source>
      <translation>{count} Ausweise doppelt eingelassen, während Eingänge offline waren:</translation>
    </message>
  </context>
  <context>
    <name>DeskActions</name>
    <message>
      <source>Correct the name</source>
      <translation>Namen korrigieren</translation>
    </message>
    <message>
      <source>First name</source>
      <translation>Vorname</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation>Nachname</translation>
    </message>
    <message>
      <source>Nothing replaced.</source>
      <translation>Nichts ersetzt.</translation>
    </message>
    <message>
      <source>Not registered: check the e-mail address.</source>
      <translation>Nicht angemeldet: E-Mail-Adresse prüfen.</translation>
    </message>
    <message>
      <source>Name corrected to {name} (logged).</source>
      <translation>Name korrigiert zu {name} (protokolliert).</translation>
    </message>
    <message>
      <source>Not registered: this person may be registered already.</source>
      <translation>Nicht registriert: Diese Person ist möglicherweise schon angemeldet.</translation>
    </message>
    <message>
      <source>Badge printed.</source>
      <translation>Ausweis gedruckt.</translation>
    </message>
    <message>
      <source>Name not changed: {why}</source>
      <translation>Name nicht geändert: {why}</translation>
    </message>
    <message>
      <source>Not registered: {why}</source>
      <translation>Nicht angemeldet: {why}</translation>
    </message>
  </context>
  <context>
    <name>DeskCard</name>
    <message>
      <source>Company</source>
      <translation>Firma</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <source>Ticket code</source>
      <translation>Ticketcode</translation>
    </message>
    <message>
      <source>Badge issue</source>
      <translation>Ausweis-Ausgabe</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Reason (reprint, replacement)</source>
      <translation>Grund (Nachdruck, Ersatz)</translation>
    </message>
    <message>
      <source>Print badge</source>
      <translation>Ausweis drucken</translation>
    </message>
    <message>
      <source>Reprint</source>
      <translation>Nachdrucken</translation>
    </message>
    <message>
      <source>Replace lost badge</source>
      <translation>Verlorenen Ausweis ersetzen</translation>
    </message>
    <message>
      <source>Correct name</source>
      <translation>Namen korrigieren</translation>
    </message>
    <message>
      <source>Search or scan a badge to show an attendee.</source>
      <translation>Suchen oder einen Ausweis scannen, um eine Person anzuzeigen.</translation>
    </message>
    <message>
      <source>Print history</source>
      <translation>Druckverlauf</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Zeit</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>Drucker</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Ergebnis</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Grund</translation>
    </message>
    <message>
      <source>CANCELLED: no badge may be printed</source>
      <translation>STORNIERT: kein Ausweisdruck erlaubt</translation>
    </message>
    <message>
      <source>walk-in, flagged for the organiser (not signed)</source>
      <translation>Vor-Ort-Anmeldung, für den Veranstalter markiert (nicht signiert)</translation>
    </message>
    <message>
      <source>ok</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>walk-in</source>
      <translation>Vor-Ort-Anmeldung</translation>
    </message>
    <message>
      <source>badge printed</source>
      <translation>Ausweis gedruckt</translation>
    </message>
    <message>
      <source>badge not printed yet</source>
      <translation>Ausweis noch nicht gedruckt</translation>
    </message>
    <message>
      <source>FAILED: {error}</source>
      <translation>FEHLER: {error}</translation>
    </message>
    <message>
      <source>REVOKED ({why}): no badge may be printed</source>
      <translation>GESPERRT ({why}): kein Ausweisdruck erlaubt</translation>
    </message>
  </context>
  <context>
    <name>DeskMessages</name>
    <message>
      <source>A badge is still printing: wait for it to come out.</source>
      <translation>Ein Ausweis wird noch gedruckt: bitte warten, bis er herauskommt.</translation>
    </message>
    <message>
      <source>This attendee's badge is revoked by the organiser: no badge may be printed.</source>
      <translation>Der Ausweis wurde vom Veranstalter gesperrt: kein Ausweisdruck erlaubt.</translation>
    </message>
    <message>
      <source>Unknown code: nobody on this kiosk's list has it.</source>
      <translation>Unbekannter Code: niemand in der Liste dieses Kiosks hat ihn.</translation>
    </message>
    <message>
      <source>This registration is cancelled: no badge may be printed.</source>
      <translation>Diese Anmeldung ist storniert: kein Ausweisdruck erlaubt.</translation>
    </message>
    <message>
      <source>This badge was replaced: it is refused at the doors.</source>
      <translation>Dieser Ausweis wurde ersetzt: an den Eingängen kein Einlass.</translation>
    </message>
    <message>
      <source>A valid badge of someone not on this kiosk's list yet: sync, or register them.</source>
      <translation>Gültiger Ausweis, aber noch nicht in der Liste dieses Kiosks: synchronisieren oder vor Ort anmelden.</translation>
    </message>
    <message>
      <source>A badge of another event.</source>
      <translation>Ausweis einer anderen Veranstaltung.</translation>
    </message>
    <message>
      <source>Not a badge: a foreign QR code (a link, Wi-Fi, ...).</source>
      <translation>Kein Ausweis: ein fremder QR-Code (Link, WLAN, …).</translation>
    </message>
    <message>
      <source>Invalid badge: the signature does not match (forged or damaged).</source>
      <translation>Ungültiger Ausweis: Die Signatur stimmt nicht (gefälscht oder beschädigt).</translation>
    </message>
    <message>
      <source>A badge signed with a key this kiosk does not trust.</source>
      <translation>Ausweis mit einem Schlüssel signiert, dem dieser Kiosk nicht vertraut.</translation>
    </message>
    <message>
      <source>This badge was printed before: use Reprint with a reason.</source>
      <translation>Dieser Ausweis wurde schon gedruckt: „Nachdrucken“ mit Grund verwenden.</translation>
    </message>
    <message>
      <source>Choose or type a reason first.</source>
      <translation>Zuerst einen Grund wählen oder eingeben.</translation>
    </message>
    <message>
      <source>The staff PIN was refused (changed, or locked out after wrong tries): unlock again.</source>
      <translation>Personal-PIN abgelehnt (geändert oder nach Fehlversuchen gesperrt): erneut entsperren.</translation>
    </message>
    <message>
      <source>first print</source>
      <translation>Erstdruck</translation>
    </message>
    <message>
      <source>reprint</source>
      <translation>Nachdruck</translation>
    </message>
    <message>
      <source>walk-in</source>
      <translation>Vor-Ort-Anmeldung</translation>
    </message>
    <message>
      <source>replacement</source>
      <translation>Ersatz</translation>
    </message>
    <message>
      <source>This code cannot be used ({reason}).</source>
      <translation>Dieser Code ist nicht verwendbar ({reason}).</translation>
    </message>
    <message>
      <source>Printed: {name}'s badge ({kind}).</source>
      <translation>Gedruckt: Ausweis von {name} ({kind}).</translation>
    </message>
    <message>
      <source>Printer failed for {name}: {error}. The badge is NOT marked printed.</source>
      <translation>Druckerfehler bei {name}: {error}. Der Ausweis ist NICHT als gedruckt vermerkt.</translation>
    </message>
    <message>
      <source>{name} registered with a signed badge code.</source>
      <translation>{name} angemeldet, mit signiertem Ausweiscode.</translation>
    </message>
    <message>
      <source>{name}'s old badge is revoked here now and at every door after its next sync.</source>
      <translation>Der alte Ausweis von {name} ist hier ab sofort gesperrt, an jedem Eingang nach dessen nächster Synchronisierung.</translation>
    </message>
    <message>
      <source>No signing key here: the new badge carries a new ticket code.</source>
      <translation>Kein Signaturschlüssel hier: Der neue Ausweis trägt einen neuen Ticketcode.</translation>
    </message>
    <message>
      <source>Printing {name}'s badge…</source>
      <translation>Ausweis von {name} wird gedruckt …</translation>
    </message>
    <message>
      <source>Replace {name}'s badge?

The old badge will be refused at this kiosk at once and at every door after it syncs. A new badge prints now.</source>
      <translation>Ausweis von {name} ersetzen?

Der alte Ausweis wird an diesem Kiosk sofort abgewiesen, an jedem Eingang nach dessen Synchronisierung. Ein neuer Ausweis wird jetzt gedruckt.</translation>
    </message>
    <message>
      <source>Already registered with this name and e-mail or company: {who}. Show them and print their badge, or, if this is a different person, register anyway.</source>
      <translation>Bereits mit diesem Namen und dieser E-Mail oder Firma angemeldet: {who}. Zeigen Sie die Person an und drucken Sie ihren Ausweis, oder registrieren Sie trotzdem, wenn es eine andere Person ist.</translation>
    </message>
    <message>
      <source>Register a new attendee named {name}?

Only if you have checked that this is a different person from the {name} already registered: a second badge for the same person is a badge to lend.</source>
      <translation>Einen neuen Teilnehmer namens {name} registrieren?

Nur wenn Sie geprüft haben, dass es eine andere Person als der bereits angemeldete {name} ist: Ein zweiter Ausweis für dieselbe Person lässt sich verleihen.</translation>
    </message>
    <message>
      <source>{name} registered: flagged for the organiser (this machine has no signing key, the badge carries a local ticket code).</source>
      <translation>{name} angemeldet: für den Veranstalter markiert (dieser Rechner hat keinen Signaturschlüssel, der Ausweis trägt einen lokalen Ticketcode).</translation>
    </message>
    <message>
      <source>staff</source>
      <translation>Personal</translation>
    </message>
  </context>
  <context>
    <name>DeskWalkIn</name>
    <message>
      <source>The name cannot be empty.</source>
      <translation>Der Name darf nicht leer sein.</translation>
    </message>
    <message>
      <source>This is too long or holds characters a badge cannot print.</source>
      <translation>Zu lang oder mit Zeichen, die ein Ausweis nicht drucken kann.</translation>
    </message>
    <message>
      <source>This is not an e-mail address.</source>
      <translation>Das ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
      <source>Required for a walk-in: a first and a last name, and an e-mail or a company.</source>
      <translation>Für eine Vor-Ort-Registrierung nötig: Vor- und Nachname sowie E-Mail oder Firma.</translation>
    </message>
    <message>
      <source>Register a walk-in attendee</source>
      <translation>Teilnehmende vor Ort anmelden</translation>
    </message>
    <message>
      <source>First name</source>
      <translation>Vorname</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation>Nachname</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Firma</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Attendee type</source>
      <translation>Teilnehmerart</translation>
    </message>
    <message>
      <source>Register and print badge</source>
      <translation>Anmelden und Ausweis drucken</translation>
    </message>
    <message>
      <source>Print the badge again</source>
      <translation>Ausweis erneut drucken</translation>
    </message>
    <message>
      <source>Show attendee</source>
      <translation>Person anzeigen</translation>
    </message>
    <message>
      <source>A different person: register</source>
      <translation>Andere Person: registrieren</translation>
    </message>
    <message>
      <source>New walk-in</source>
      <translation>Neue Vor-Ort-Anmeldung</translation>
    </message>
  </context>
  <context>
    <name>DeskWindow</name>
    <message>
      <source>Language</source>
      <translation>Sprache</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>Sperren</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Beenden</translation>
    </message>
    <message>
      <source>Staff desk locked</source>
      <translation>Registrierung gesperrt</translation>
    </message>
    <message>
      <source>Enter the staff PIN to register walk-ins and print badges.</source>
      <translation>Personal-PIN eingeben, um vor Ort anzumelden und Ausweise zu drucken.</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Entsperren</translation>
    </message>
    <message>
      <source>Staff desk · {event}</source>
      <translation>Registrierung · {event}</translation>
    </message>
    <message>
      <source>Find attendee</source>
      <translation>Teilnehmende suchen</translation>
    </message>
    <message>
      <source>Register walk-in</source>
      <translation>Vor-Ort-Anmeldung</translation>
    </message>
    <message>
      <source>Desk unlocked. Search, scan a badge or register a walk-in.</source>
      <translation>Entsperrt. Suchen, einen Ausweis scannen oder vor Ort anmelden.</translation>
    </message>
    <message>
      <source>Locked.</source>
      <translation>Gesperrt.</translation>
    </message>
    <message>
      <source>Please confirm</source>
      <translation>Bitte bestätigen</translation>
    </message>
    <message>
      <source>Unlock the desk before scanning.</source>
      <translation>Vor dem Scannen entsperren.</translation>
    </message>
    <message>
      <source>Staff desk — {event}</source>
      <translation>Registrierung — {event}</translation>
    </message>
    <message>
      <source>Wrong staff PIN.</source>
      <translation>Falsche Personal-PIN.</translation>
    </message>
    <message>
      <source>Scanned: {name}.</source>
      <translation>Gescannt: {name}.</translation>
    </message>
    <message>
      <source>Too many wrong PINs: try again in {s} s.</source>
      <translation>Zu viele falsche PINs: erneut versuchen in {s} s.</translation>
    </message>
  </context>
  <context>
    <name>DoorWindow</name>
    <message>
      <source>Kiosk door</source>
      <translation>Einlass-Kiosk</translation>
    </message>
    <message>
      <source>NOT RECORDED</source>
      <translation>NICHT ERFASST</translation>
    </message>
    <message>
      <source>Inside</source>
      <translation>Im Saal</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>Gegangen</translation>
    </message>
    <message>
      <source>Not in yet</source>
      <translation>Noch nicht drin</translation>
    </message>
    <message>
      <source>Please scan again. ({message})</source>
      <translation>Bitte erneut scannen. ({message})</translation>
    </message>
  </context>
  <context>
    <name>HallChooser</name>
    <message>
      <source>Which door is this kiosk at?</source>
      <translation>An welchem Eingang steht dieser Kiosk?</translation>
    </message>
    <message>
      <source>Choose the hall</source>
      <translation>Saal wählen</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Open this door</source>
      <translation>Diesen Eingang öffnen</translation>
    </message>
  </context>
  <context>
    <name>HeaderBar</name>
    <message>
      <source>Staff</source>
      <translation>Personal</translation>
    </message>
    <message>
      <source>{inside} / {capacity} inside</source>
      <translation>{inside} / {capacity} im Saal</translation>
    </message>
    <message>
      <source>No session admitting now</source>
      <translation>Derzeit kein Einlass</translation>
    </message>
    <message>
      <source>No more sessions today</source>
      <translation>Heute keine weiteren Veranstaltungen</translation>
    </message>
    <message>
      <source>⇥ ENTRY mode</source>
      <translation>⇥ EINGANG</translation>
    </message>
    <message>
      <source>⇤ EXIT mode</source>
      <translation>⇤ AUSGANG</translation>
    </message>
    <message>
      <source>NEARLY FULL</source>
      <translation>FAST VOLL</translation>
    </message>
    <message>
      <source>FULL</source>
      <translation>VOLL</translation>
    </message>
    <message>
      <source>admission {opens}–{closes}</source>
      <translation>Einlass {opens}–{closes}</translation>
    </message>
    <message>
      <source>ddd d MMM</source>
      <translation>ddd d. MMM</translation>
    </message>
    <message>
      <source>Now: {title} ({start}–{end}), {window}</source>
      <translation>Jetzt: {title} ({start}–{end}), {window}</translation>
    </message>
    <message>
      <source>{date}, {time}</source>
      <translation>{date}, {time}</translation>
    </message>
    <message>
      <source>Next: {start} {title} (admission from {opens})</source>
      <translation>Danach: {start} {title} (Einlass ab {opens})</translation>
    </message>
  </context>
  <context>
    <name>KioskDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
  </context>
  <context>
    <name>LateCheckinDialog</name>
    <message>
      <source>Forgot to scan at the door</source>
      <translation>Am Eingang nicht gescannt</translation>
    </message>
    <message>
      <source>The door scanner was down</source>
      <translation>Der Scanner am Eingang war ausgefallen</translation>
    </message>
    <message>
      <source>From the paper sign-in list</source>
      <translation>Laut Anwesenheitsliste auf Papier</translation>
    </message>
    <message>
      <source>That time is still to come.</source>
      <translation>Diese Uhrzeit liegt in der Zukunft.</translation>
    </message>
    <message>
      <source>The session did not run at that time.</source>
      <translation>Die Veranstaltung lief zu dieser Zeit nicht.</translation>
    </message>
    <message>
      <source>Please give a reason.</source>
      <translation>Bitte einen Grund angeben.</translation>
    </message>
    <message>
      <source>The reason is too long (at most 500 characters).</source>
      <translation>Der Grund ist zu lang (höchstens 500 Zeichen).</translation>
    </message>
    <message>
      <source>The reason must be one line of text.</source>
      <translation>Der Grund muss eine Textzeile sein.</translation>
    </message>
    <message>
      <source>This registration was cancelled.</source>
      <translation>Diese Anmeldung wurde storniert.</translation>
    </message>
    <message>
      <source>This badge has been revoked.</source>
      <translation>Dieser Ausweis wurde gesperrt.</translation>
    </message>
    <message>
      <source>A scan would refuse this person for this session.</source>
      <translation>Ein Scan würde diese Person für diese Veranstaltung abweisen.</translation>
    </message>
    <message>
      <source>Already checked in to this session by a scan.</source>
      <translation>Bereits per Scan für diese Veranstaltung eingecheckt.</translation>
    </message>
    <message>
      <source>A late check-in is recorded for this person and session already.</source>
      <translation>Für diese Person und Veranstaltung ist bereits ein nachträglicher Check-in erfasst.</translation>
    </message>
    <message>
      <source>This kiosk may not record late check-ins.</source>
      <translation>Dieses Terminal darf keine nachträglichen Check-ins erfassen.</translation>
    </message>
    <message>
      <source>Nothing was recorded.</source>
      <translation>Es wurde nichts erfasst.</translation>
    </message>
    <message>
      <source>Late check-in</source>
      <translation>Nachträglich einchecken</translation>
    </message>
    <message>
      <source>For someone who attended although no scan recorded it. It counts as attendance, not as an entry: nobody is counted inside.</source>
      <translation>Für jemanden, der teilgenommen hat, ohne dass ein Scan es erfasst hat. Zählt als Teilnahme, nicht als Eintritt: niemand wird als anwesend im Saal gezählt.</translation>
    </message>
    <message>
      <source>HH:MM (empty: now, or the start if it has ended)</source>
      <translation>HH:MM (leer: jetzt, nach dem Ende der Beginn)</translation>
    </message>
    <message>
      <source>Record late check-in</source>
      <translation>Nachträglich einchecken</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <source>Session:</source>
      <translation>Veranstaltung:</translation>
    </message>
    <message>
      <source>Attended at:</source>
      <translation>Anwesend um:</translation>
    </message>
    <message>
      <source>Reason:</source>
      <translation>Grund:</translation>
    </message>
    <message>
      <source>No session of this hall has opened today.</source>
      <translation>In diesem Saal hat heute noch keine Veranstaltung geöffnet.</translation>
    </message>
    <message>
      <source>Type the time as HH:MM, e.g. 10:20.</source>
      <translation>Uhrzeit als HH:MM eingeben, z. B. 10:20.</translation>
    </message>
    <message>
      <source>Late check-in recorded: {name}, {session}.</source>
      <translation>Nachträglicher Check-in erfasst: {name}, {session}.</translation>
    </message>
  </context>
  <context>
    <name>PinDialog</name>
    <message>
      <source>Enter the staff PIN</source>
      <translation>Personal-PIN eingeben</translation>
    </message>
    <message>
      <source>Staff PIN</source>
      <translation>Personal-PIN</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Wrong PIN. {n} tries left before a lock-out.</source>
      <translation>Falsche PIN. Noch {n} Versuche bis zur Sperre.</translation>
    </message>
    <message>
      <source>Too many wrong PINs. Try again in {s} s.</source>
      <translation>Zu viele falsche PINs. Erneut versuchen in {s} s.</translation>
    </message>
  </context>
  <context>
    <name>Report</name>
    <message>
      <source>ddd d MMM</source>
      <translation>ddd d. MMM</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>Programmpunkt</translation>
    </message>
    <message>
      <source>Hall</source>
      <translation>Saal</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Beginn</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Personen</translation>
    </message>
    <message>
      <source>Entries</source>
      <translation>Eintritte</translation>
    </message>
    <message>
      <source>Peak</source>
      <translation>Höchststand</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>Kapazität</translation>
    </message>
    <message>
      <source>Attendance per session</source>
      <translation>Teilnahme je Programmpunkt</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>Angemeldet</translation>
    </message>
    <message>
      <source>Scanned</source>
      <translation>Gescannt</translation>
    </message>
    <message>
      <source>Late check-ins</source>
      <translation>Nachträgliche Check-ins</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>Anwesend</translation>
    </message>
    <message>
      <source>Present %</source>
      <translation>Anwesend %</translation>
    </message>
    <message>
      <source>Registered and present per session</source>
      <translation>Angemeldet und anwesend je Programmpunkt</translation>
    </message>
    <message>
      <source>Entered</source>
      <translation>Eingetreten</translation>
    </message>
    <message>
      <source>Left, not back</source>
      <translation>Gegangen, nicht zurück</translation>
    </message>
    <message>
      <source>Left, came back</source>
      <translation>Gegangen, zurückgekehrt</translation>
    </message>
    <message>
      <source>Exits before the end</source>
      <translation>Austritte vor dem Ende</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Seat</source>
      <translation>Platz</translation>
    </message>
    <message>
      <source>Left at</source>
      <translation>Gegangen um</translation>
    </message>
    <message>
      <source>Then</source>
      <translation>Danach</translation>
    </message>
    <message>
      <source>Attendee</source>
      <translation>Teilnehmer</translation>
    </message>
    <message>
      <source>Attended at</source>
      <translation>Anwesend um</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Grund</translation>
    </message>
    <message>
      <source>Kiosk</source>
      <translation>Kiosk</translation>
    </message>
    <message>
      <source>Late check-ins (recorded by staff, apart from scans)</source>
      <translation>Nachträgliche Check-ins (vom Personal erfasst, getrennt von Scans)</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Typ</translation>
    </message>
    <message>
      <source>Never admitted</source>
      <translation>Nie eingelassen</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>Anteil</translation>
    </message>
    <message>
      <source>No-shows per attendee type</source>
      <translation>Nicht erschienen je Teilnehmertyp</translation>
    </message>
    <message>
      <source>Conflicts: badges admitted twice at different doors</source>
      <translation>Konflikte: Ausweise zweimal an verschiedenen Eingängen eingelassen</translation>
    </message>
    <message>
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <source>Leavers per session (left before the end)</source>
      <translation>Vorzeitig gegangen je Programmpunkt</translation>
    </message>
    <message>
      <source>People who left before the end</source>
      <translation>Personen, die vor dem Ende gingen</translation>
    </message>
    <message>
      <source>Admissions</source>
      <translation>Einlässe</translation>
    </message>
    <message>
      <source>none: no badge was admitted twice</source>
      <translation>keine: kein Ausweis wurde zweimal eingelassen</translation>
    </message>
    <message>
      <source>{event}, generated {time}: {records} records from {kiosks} kiosks, {offline} decided offline</source>
      <translation>{event}, erstellt {time}: {records} Einträge von {kiosks} Kiosken, {offline} offline entschieden</translation>
    </message>
    <message>
      <source>{event}: attendance</source>
      <translation>{event}: Teilnahme</translation>
    </message>
    <message>
      <source>no entries</source>
      <translation>keine Eintritte</translation>
    </message>
    <message>
      <source>came back</source>
      <translation>zurückgekehrt</translation>
    </message>
    <message>
      <source>did not return</source>
      <translation>nicht zurückgekehrt</translation>
    </message>
    <message>
      <source>none: nobody entered a session</source>
      <translation>keine: niemand hat einen Programmpunkt betreten</translation>
    </message>
    <message>
      <source>Entries over time, {day} (per 15 minutes)</source>
      <translation>Eintritte im Tagesverlauf, {day} (je 15 Minuten)</translation>
    </message>
    <message>
      <source>{count} admissions</source>
      <translation>{count} Einlässe</translation>
    </message>
    <message>
      <source>Where the data comes from</source>
      <translation>Woher die Daten stammen</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>Anzahl</translation>
    </message>
    <message>
      <source>Newest record</source>
      <translation>Letzter Eintrag</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Stand</translation>
    </message>
    <message>
      <source>no records and no door kiosks enrolled</source>
      <translation>keine Einträge und keine Eingangskioske registriert</translation>
    </message>
    <message>
      <source>no session</source>
      <translation>kein Programmpunkt</translation>
    </message>
    <message>
      <source>{time} ({zone}): {count} inside, per the records merged here</source>
      <translation>{time} ({zone}): {count} im Saal, nach den hier zusammengeführten Einträgen</translation>
    </message>
    <message>
      <source>{event}: roll call</source>
      <translation>{event}: Anwesende</translation>
    </message>
    <message>
      <source>this kiosk, never synced: other doors' entries are missing</source>
      <translation>dieser Kiosk, nie synchronisiert: andere Eingänge fehlen</translation>
    </message>
    <message>
      <source>nothing received: its entries are missing here</source>
      <translation>nichts empfangen: seine Eintritte fehlen hier</translation>
    </message>
    <message>
      <source>{hall} ({session}): {count} inside</source>
      <translation>{hall} ({session}): {count} im Saal</translation>
    </message>
    <message>
      <source>quiet: idle, or not synced since</source>
      <translation>still: untätig oder seitdem nicht synchronisiert</translation>
    </message>
    <message>
      <source>Door</source>
      <translation>Eingang</translation>
    </message>
    <message>
      <source>nobody inside</source>
      <translation>niemand im Saal</translation>
    </message>
    <message>
      <source>this kiosk, last sync {time}</source>
      <translation>dieser Kiosk, zuletzt synchronisiert {time}</translation>
    </message>
  </context>
  <context>
    <name>RollCallView</name>
    <message>
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <source>Roll call: who is inside now</source>
      <translation>Anwesenheitsliste: wer gerade drinnen ist</translation>
    </message>
    <message>
      <source>All halls: {n}</source>
      <translation>Alle Säle: {n}</translation>
    </message>
    <message>
      <source>just now</source>
      <translation>gerade eben</translation>
    </message>
    <message>
      <source>{n} h ago</source>
      <translation>vor {n} h</translation>
    </message>
    <message>
      <source>Never synced: this kiosk's own records only</source>
      <translation>Nie synchronisiert: nur die Daten dieses Kiosks</translation>
    </message>
    <message>
      <source>{n} min ago</source>
      <translation>vor {n} min</translation>
    </message>
    <message>
      <source>Hall</source>
      <translation>Saal</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Kategorie</translation>
    </message>
    <message>
      <source>Seat</source>
      <translation>Platz</translation>
    </message>
    <message>
      <source>Entered</source>
      <translation>Eingelassen</translation>
    </message>
    <message>
      <source>Door</source>
      <translation>Eingang</translation>
    </message>
    <message>
      <source>Last sync: {time}</source>
      <translation>Zuletzt synchronisiert: {time}</translation>
    </message>
    <message>
      <source>{kiosk}: nothing received yet: its entries may be missing</source>
      <translation>{kiosk}: noch nichts empfangen: seine Einlässe können fehlen</translation>
    </message>
    <message>
      <source>{kiosk}: newest record {time}</source>
      <translation>{kiosk}: neuester Eintrag {time}</translation>
    </message>
    <message>
      <source>quiet: may not have synced</source>
      <translation>still: vielleicht nicht synchronisiert</translation>
    </message>
  </context>
  <context>
    <name>SearchDialog</name>
    <message>
      <source>Name, company, e-mail or code</source>
      <translation>Name, Firma, E-Mail oder Code</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Firma</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Art</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <source>Here</source>
      <translation>Hier</translation>
    </message>
    <message>
      <source>Nobody found.</source>
      <translation>Niemand gefunden.</translation>
    </message>
    <message>
      <source>Many found: type more to narrow the list.</source>
      <translation>Viele Treffer: weitertippen, um einzugrenzen.</translation>
    </message>
    <message>
      <source>{n} found.</source>
      <translation>{n} gefunden.</translation>
    </message>
    <message>
      <source>Badge will not scan</source>
      <translation>Ausweis lässt sich nicht scannen</translation>
    </message>
    <message>
      <source>Badge forgotten, identity checked</source>
      <translation>Ausweis vergessen, Identität geprüft</translation>
    </message>
    <message>
      <source>Speaker or organiser request</source>
      <translation>Auf Wunsch von Referent oder Veranstalter</translation>
    </message>
    <message>
      <source>Search attendees</source>
      <translation>Teilnehmende suchen</translation>
    </message>
    <message>
      <source>Admit manually</source>
      <translation>Manuell einlassen</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <source>Reason:</source>
      <translation>Grund:</translation>
    </message>
    <message>
      <source>Admit anyway…</source>
      <translation>Trotzdem einlassen…</translation>
    </message>
    <message>
      <source>Override the rule?</source>
      <translation>Regel übergehen?</translation>
    </message>
    <message>
      <source>Admit anyway</source>
      <translation>Trotzdem einlassen</translation>
    </message>
    <message>
      <source>A scan would refuse {name}: {rule}

Admit anyway? The override and your reason are logged.</source>
      <translation>Ein Scan würde {name} abweisen: {rule}

Trotzdem einlassen? Das Übergehen und Ihr Grund werden protokolliert.</translation>
    </message>
    <message>
      <source>A scan would refuse: {rule}</source>
      <translation>Ein Scan würde abweisen: {rule}</translation>
    </message>
    <message>
      <source>A scan would admit {name}.</source>
      <translation>Ein Scan würde {name} einlassen.</translation>
    </message>
  </context>
  <context>
    <name>SeatMapPage</name>
    <message>
      <source>Stage</source>
      <translation>Bühne</translation>
    </message>
    <message>
      <source>No session with seats today</source>
      <translation>Heute keine Veranstaltung mit Sitzplätzen</translation>
    </message>
    <message>
      <source>A seat map shows once attendees have seats.</source>
      <translation>Ein Sitzplan erscheint, sobald Teilnehmende Plätze haben.</translation>
    </message>
    <message>
      <source>in their seat: {n}</source>
      <translation>auf ihrem Platz: {n}</translation>
    </message>
    <message>
      <source>not yet: {n}</source>
      <translation>noch nicht da: {n}</translation>
    </message>
    <message>
      <source>Not on the map (label not read as row and seat): {n}, inside: {m}</source>
      <translation>Nicht im Plan (Platzangabe nicht als Reihe und Platz lesbar): {n}, davon drinnen: {m}</translation>
    </message>
    <message>
      <source>{present} / {expected} present</source>
      <translation>{present} / {expected} anwesend</translation>
    </message>
    <message>
      <source>{inside} / {capacity} inside</source>
      <translation>{inside} / {capacity} drinnen</translation>
    </message>
  </context>
  <context>
    <name>SessionsPage</name>
    <message>
      <source>open session: inside of capacity</source>
      <translation>offen: drinnen von Plätzen</translation>
    </message>
    <message>
      <source>present of registered</source>
      <translation>anwesend von angemeldet</translation>
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
      <translation>Zeit</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>Veranstaltung</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>Anwesend</translation>
    </message>
    <message>
      <source>Inside now</source>
      <translation>Jetzt drinnen</translation>
    </message>
    <message>
      <source>Seated</source>
      <translation>Auf ihrem Platz</translation>
    </message>
    <message>
      <source>{present} / {expected}</source>
      <translation>{present} / {expected}</translation>
    </message>
    <message>
      <source>No sessions today</source>
      <translation>Heute keine Veranstaltungen</translation>
    </message>
    <message>
      <source>{n} more sessions today not shown</source>
      <translation>{n} weitere Veranstaltungen heute nicht gezeigt</translation>
    </message>
  </context>
  <context>
    <name>StaffDialog</name>
    <message>
      <source>unknown badge</source>
      <translation>unbekannter Ausweis</translation>
    </message>
    <message>
      <source>It will no longer count, and the number inside is corrected.</source>
      <translation>Er zählt dann nicht mehr, und die Zahl im Saal wird berichtigt.</translation>
    </message>
    <message>
      <source>Undo the last scan?</source>
      <translation>Letzten Scan rückgängig machen?</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Rückgängig</translation>
    </message>
    <message>
      <source>{verdict}: {name} at {time}</source>
      <translation>{verdict}: {name} um {time}</translation>
    </message>
    <message>
      <source>Quit the kiosk?</source>
      <translation>Kiosk beenden?</translation>
    </message>
    <message>
      <source>Quit the kiosk</source>
      <translation>Kiosk beenden</translation>
    </message>
    <message>
      <source>The door screen of {hall} closes and nobody is checked in here until it is started again.</source>
      <translation>Der Einlass-Bildschirm von {hall} schließt sich, und hier wird niemand eingecheckt, bis er wieder gestartet wird.</translation>
    </message>
    <message>
      <source>Staff functions</source>
      <translation>Personalfunktionen</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>Personal</translation>
    </message>
    <message>
      <source>Back to scanning</source>
      <translation>Zurück zum Scannen</translation>
    </message>
    <message>
      <source>Search / admit manually</source>
      <translation>Suchen / manuell einlassen</translation>
    </message>
    <message>
      <source>Undo last scan</source>
      <translation>Letzten Scan rückgängig</translation>
    </message>
    <message>
      <source>Switch entry / exit</source>
      <translation>Eingang / Ausgang wechseln</translation>
    </message>
    <message>
      <source>Choose hall</source>
      <translation>Saal wählen</translation>
    </message>
    <message>
      <source>Sound on</source>
      <translation>Ton an</translation>
    </message>
    <message>
      <source>Mute sound</source>
      <translation>Ton aus</translation>
    </message>
    <message>
      <source>Allow motion</source>
      <translation>Animationen erlauben</translation>
    </message>
    <message>
      <source>Reduce motion</source>
      <translation>Animationen reduzieren</translation>
    </message>
    <message>
      <source>Leave full screen</source>
      <translation>Vollbild verlassen</translation>
    </message>
    <message>
      <source>Full screen (locked)</source>
      <translation>Vollbild (gesperrt)</translation>
    </message>
  </context>
  <context>
    <name>SyncText</name>
    <message>
      <source>1 check-in waiting</source>
      <translation>1 Check-in wartet</translation>
    </message>
    <message>
      <source>{count} check-ins waiting</source>
      <translation>{count} Check-ins warten</translation>
    </message>
    <message>
      <source>Local only</source>
      <translation>Nur lokal</translation>
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
      <translation>Verbinde mit dem Hub …</translation>
    </message>
    <message>
      <source>Online · synced {time}</source>
      <translation>Online · synchronisiert {time}</translation>
    </message>
    <message>
      <source>Offline since {time}</source>
      <translation>Offline seit {time}</translation>
    </message>
  </context>
  <context>
    <name>Verdict</name>
    <message>
      <source>DENIED</source>
      <translation>KEIN EINLASS</translation>
    </message>
    <message>
      <source>Same badge again: shown, not counted twice.</source>
      <translation>Derselbe Ausweis erneut: angezeigt, nicht doppelt gezählt.</translation>
    </message>
    <message>
      <source>ADMIT AGAIN</source>
      <translation>ERNEUTER EINLASS</translation>
    </message>
    <message>
      <source>ADMIT (STAFF)</source>
      <translation>EINLASS (PERSONAL)</translation>
    </message>
    <message>
      <source>EXIT</source>
      <translation>AUSGANG</translation>
    </message>
    <message>
      <source>UNDONE</source>
      <translation>RÜCKGÄNGIG</translation>
    </message>
    <message>
      <source>The last scan was undone and no longer counts.</source>
      <translation>Der letzte Scan wurde rückgängig gemacht und zählt nicht mehr.</translation>
    </message>
    <message>
      <source>Welcome. Entry recorded.</source>
      <translation>Willkommen. Einlass erfasst.</translation>
    </message>
    <message>
      <source>Welcome back. Re-entry recorded.</source>
      <translation>Willkommen zurück. Erneuter Einlass erfasst.</translation>
    </message>
    <message>
      <source>Admitted by staff. The reason is logged.</source>
      <translation>Vom Personal eingelassen. Der Grund ist protokolliert.</translation>
    </message>
    <message>
      <source>Goodbye. Exit recorded.</source>
      <translation>Auf Wiedersehen. Ausgang erfasst.</translation>
    </message>
    <message>
      <source>Exit recorded (no entry on record).</source>
      <translation>Ausgang erfasst (kein Einlass verzeichnet).</translation>
    </message>
    <message>
      <source>This badge is already inside this session.</source>
      <translation>Dieser Ausweis ist bereits in dieser Veranstaltung.</translation>
    </message>
    <message>
      <source>Already inside: admitted at another door.</source>
      <translation>Bereits drinnen: an einem anderen Eingang eingelassen.</translation>
    </message>
    <message>
      <source>Single entry only: this badge has already left once.</source>
      <translation>Nur einmaliger Einlass: Dieser Ausweis hat den Saal schon verlassen.</translation>
    </message>
    <message>
      <source>Not registered for this session.</source>
      <translation>Für diese Veranstaltung nicht angemeldet.</translation>
    </message>
    <message>
      <source>This session is by invitation only.</source>
      <translation>Diese Veranstaltung nur mit Einladung.</translation>
    </message>
    <message>
      <source>This badge type has no access to this hall.</source>
      <translation>Diese Ausweisart hat keinen Zutritt zu diesem Saal.</translation>
    </message>
    <message>
      <source>Unknown attendee type: ask the registration desk.</source>
      <translation>Unbekannte Teilnehmerart: bitte an die Registrierung wenden.</translation>
    </message>
    <message>
      <source>Admission has not opened yet.</source>
      <translation>Der Einlass hat noch nicht begonnen.</translation>
    </message>
    <message>
      <source>Admission to this session has closed.</source>
      <translation>Der Einlass zu dieser Veranstaltung ist beendet.</translation>
    </message>
    <message>
      <source>No session in this hall now.</source>
      <translation>Derzeit keine Veranstaltung in diesem Saal.</translation>
    </message>
    <message>
      <source>The session is full.</source>
      <translation>Die Veranstaltung ist voll.</translation>
    </message>
    <message>
      <source>This registration was cancelled.</source>
      <translation>Diese Anmeldung wurde storniert.</translation>
    </message>
    <message>
      <source>This badge was replaced by a newer one.</source>
      <translation>Dieser Ausweis wurde durch einen neueren ersetzt.</translation>
    </message>
    <message>
      <source>This card was reported lost: ask the registration desk.</source>
      <translation>Diese Karte wurde als verloren gemeldet: bitte am Registrierungsschalter melden.</translation>
    </message>
    <message>
      <source>This badge has been revoked.</source>
      <translation>Dieser Ausweis wurde gesperrt.</translation>
    </message>
    <message>
      <source>This badge is not known at this event.</source>
      <translation>Dieser Ausweis ist bei dieser Veranstaltung unbekannt.</translation>
    </message>
    <message>
      <source>This QR code is not a badge (a link or another code).</source>
      <translation>Dieser QR-Code ist kein Ausweis (ein Link oder anderer Code).</translation>
    </message>
    <message>
      <source>The code could not be read. Please try again.</source>
      <translation>Der Code war nicht lesbar. Bitte erneut versuchen.</translation>
    </message>
    <message>
      <source>This code is far too long to be a badge.</source>
      <translation>Dieser Code ist viel zu lang für einen Ausweis.</translation>
    </message>
    <message>
      <source>Damaged or incomplete badge code.</source>
      <translation>Beschädigter oder unvollständiger Ausweiscode.</translation>
    </message>
    <message>
      <source>The badge's signature is wrong: it may be forged.</source>
      <translation>Die Signatur des Ausweises ist falsch: möglicherweise gefälscht.</translation>
    </message>
    <message>
      <source>The badge is signed with an unknown key.</source>
      <translation>Der Ausweis ist mit einem unbekannten Schlüssel signiert.</translation>
    </message>
    <message>
      <source>This badge is for another event.</source>
      <translation>Dieser Ausweis gehört zu einer anderen Veranstaltung.</translation>
    </message>
    <message>
      <source>This ticket was replaced by a newer one (revoked in pretix).</source>
      <translation>Dieses Ticket wurde durch ein neueres ersetzt (in pretix widerrufen).</translation>
    </message>
    <message>
      <source>This ticket is blocked in pretix: ask the registration desk.</source>
      <translation>Dieses Ticket ist in pretix gesperrt: bitte an der Registrierung fragen.</translation>
    </message>
    <message>
      <source>This ticket is not valid yet.</source>
      <translation>Dieses Ticket ist noch nicht gültig.</translation>
    </message>
    <message>
      <source>This ticket has expired.</source>
      <translation>Dieses Ticket ist abgelaufen.</translation>
    </message>
    <message>
      <source>This ticket's product has no attendee type here.</source>
      <translation>Für das Produkt dieses Tickets gibt es hier keinen Teilnehmertyp.</translation>
    </message>
    <message>
      <source>This ticket is for another date of the event.</source>
      <translation>Dieses Ticket gilt für einen anderen Termin der Veranstaltung.</translation>
    </message>
    <message>
      <source>Not in this kiosk's list yet, but the badge is genuine: check the name by eye.</source>
      <translation>Noch nicht in der Liste dieses Kiosks, aber der Ausweis ist echt: Namen bitte prüfen.</translation>
    </message>
    <message>
      <source>ENTRY</source>
      <translation>EINGANG</translation>
    </message>
    <message>
      <source>ADMIT — CHECK BADGE</source>
      <translation>EINLASS — AUSWEIS PRÜFEN</translation>
    </message>
    <message>
      <source>ADMIT</source>
      <translation>EINLASS</translation>
    </message>
    <message>
      <source>Seat {seat}</source>
      <translation>Platz {seat}</translation>
    </message>
    <message>
      <source>Admitted by staff despite: {rule} The reason is logged.</source>
      <translation>Vom Personal eingelassen trotz: {rule} Der Grund ist protokolliert.</translation>
    </message>
    <message>
      <source>This ticket's product ({product}) has no attendee type here: ask the organiser.</source>
      <translation>Für das Produkt dieses Tickets ({product}) gibt es hier keinen Teilnehmertyp: bitte den Veranstalter fragen.</translation>
    </message>
    <message>
      <source>This ticket is not valid yet (from {time} UTC).</source>
      <translation>Dieses Ticket ist noch nicht gültig (ab {time} UTC).</translation>
    </message>
    <message>
      <source>This ticket has expired (valid until {time} UTC).</source>
      <translation>Dieses Ticket ist abgelaufen (gültig bis {time} UTC).</translation>
    </message>
    <message>
      <source>{type} badges have no access to this hall.</source>
      <translation>{type}-Ausweise haben keinen Zutritt zu diesem Saal.</translation>
    </message>
    <message>
      <source>Session full: {inside} / {capacity} inside.</source>
      <translation>Veranstaltung voll: {inside} / {capacity} im Saal.</translation>
    </message>
  </context>
  <context>
    <name>VerdictPanel</name>
    <message>
      <source>NOTE FOR STAFF</source>
      <translation>HINWEIS FÜRS PERSONAL</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>Kein Foto</translation>
    </message>
    <message>
      <source>EXIT</source>
      <translation>AUSGANG</translation>
    </message>
    <message>
      <source>Leaving? Show your badge on the way out.</source>
      <translation>Sie gehen? Zeigen Sie Ihren Ausweis beim Hinausgehen.</translation>
    </message>
    <message>
      <source>Show your badge</source>
      <translation>Ausweis zeigen</translation>
    </message>
    <message>
      <source>Hold the QR code up to the camera, or use the handheld scanner.</source>
      <translation>QR-Code vor die Kamera halten oder den Handscanner benutzen.</translation>
    </message>
    <message>
      <source>Late check-in…</source>
      <translation>Nachträglich einchecken…</translation>
    </message>
    <message>
      <source>Decided offline: no answer from the hub</source>
      <translation>Offline entschieden: keine Antwort vom Hub</translation>
    </message>
    <message>
      <source>Badge {id}</source>
      <translation>Ausweis {id}</translation>
    </message>
  </context>
  <context>
    <name>UnlockDialog</name>
    <message>
      <source>Unlock this kiosk</source>
      <translation>Diesen Kiosk entsperren</translation>
    </message>
    <message>
      <source>Its data is encrypted. Type the unlock code the organiser gave you.</source>
      <translation>Seine Daten sind verschlüsselt. Geben Sie den Entsperrcode ein, den Sie vom Veranstalter erhalten haben.</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Entsperren</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Beenden</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Wird geprüft …</translation>
    </message>
    <message>
      <source>Wrong unlock code. Type it again.</source>
      <translation>Falscher Entsperrcode. Bitte erneut eingeben.</translation>
    </message>
  </context>
</TS>
