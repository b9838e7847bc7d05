"""The pickup screens' words in English, Simplified Chinese and German, chosen per attendee.

A table rather than Qt Linguist files: each attendee picks a language with one tap and
the next one may pick another, the strings are few, and a test checks every key has
every language (the door screen's Linguist catalogue stays the staff's language).
"""

from __future__ import annotations

LANGS = ("en", "zh_CN", "de")
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文", "de": "Deutsch"}

TEXTS: dict[str, dict[str, str]] = {
    "welcome": {"en": "Welcome", "zh_CN": "欢迎", "de": "Willkommen"},
    "choose": {
        "en": "Collect your badge here. Choose your language:",
        "zh_CN": "在此领取您的胸卡。请选择语言：",
        "de": "Holen Sie hier Ihr Namensschild ab. Wählen Sie Ihre Sprache:",
    },
    "show_qr": {
        "en": "Show the QR code from your registration e-mail to the camera",
        "zh_CN": "请将注册邮件中的二维码对准摄像头",
        "de": "Halten Sie den QR-Code aus Ihrer Anmelde-E-Mail vor die Kamera",
    },
    "show_qr_scanner": {
        "en": "Hold the QR code from your registration e-mail under the scanner",
        "zh_CN": "请将注册邮件中的二维码放在扫描器下",
        "de": "Halten Sie den QR-Code aus Ihrer Anmelde-E-Mail unter den Scanner",
    },
    "no_qr": {
        "en": "No QR code? Type your surname",
        "zh_CN": "没有二维码？请输入您的姓氏",
        "de": "Kein QR-Code? Nachnamen eingeben",
    },
    "surname": {"en": "Surname", "zh_CN": "姓氏", "de": "Nachname"},
    "secret": {
        "en": "Booking code: its first {n} characters",
        "zh_CN": "预订码：前 {n} 个字符",
        "de": "Buchungscode: die ersten {n} Zeichen",
    },
    "secret_hint": {
        "en": "You find it in your confirmation e-mail, beside the QR code.",
        "zh_CN": "预订码在您的确认邮件中，二维码旁边。",
        "de": "Sie finden ihn in Ihrer Bestätigungs-E-Mail neben dem QR-Code.",
    },
    "pinyin_hint": {
        "en": "Chinese names: type the surname in pinyin, e.g. wang",
        "zh_CN": "请用拼音输入姓氏，例如 wang",
        "de": "Chinesische Namen: Nachnamen in Pinyin eingeben, z. B. wang",
    },
    "find": {"en": "Find my badge", "zh_CN": "查找我的胸卡", "de": "Mein Namensschild finden"},
    # the on-screen keyboard's keys
    "key_space": {"en": "Space", "zh_CN": "空格", "de": "Leertaste"},
    "key_clear": {"en": "Clear", "zh_CN": "清除", "de": "Löschen"},
    "key_enter": {"en": "OK", "zh_CN": "确定", "de": "OK"},
    "back": {"en": "Back", "zh_CN": "返回", "de": "Zurück"},
    "is_this_you": {
        "en": "Is this your badge?",
        "zh_CN": "这是您的胸卡吗？",
        "de": "Ist das Ihr Namensschild?",
    },
    "print": {"en": "Print my badge", "zh_CN": "打印胸卡", "de": "Namensschild drucken"},
    "correct": {"en": "Correct my name", "zh_CN": "更正姓名", "de": "Namen korrigieren"},
    "not_me": {"en": "This is not me", "zh_CN": "这不是我", "de": "Das bin ich nicht"},
    "first_name": {"en": "First name", "zh_CN": "名", "de": "Vorname"},
    "last_name": {"en": "Last name", "zh_CN": "姓", "de": "Nachname"},
    "save": {"en": "Save", "zh_CN": "保存", "de": "Speichern"},
    "printing": {
        "en": "Printing your badge…",
        "zh_CN": "正在打印您的胸卡…",
        "de": "Ihr Namensschild wird gedruckt …",
    },
    "take_badge": {
        "en": "Please take your badge. Enjoy the event!",
        "zh_CN": "请取走您的胸卡。祝您参会愉快！",
        "de": "Bitte nehmen Sie Ihr Namensschild. Viel Spaß!",
    },
    "done": {"en": "Done", "zh_CN": "完成", "de": "Fertig"},
    "ask_staff": {
        "en": "Please ask staff for help.",
        "zh_CN": "请向工作人员求助。",
        "de": "Bitte wenden Sie sich an das Personal.",
    },
    "staff_reprint": {
        "en": "Staff: print again",
        "zh_CN": "工作人员：重新打印",
        "de": "Personal: erneut drucken",
    },
    # reasons shown to the attendee: never another person's data
    "why_already_printed": {
        "en": "Your badge has already been printed.",
        "zh_CN": "您的胸卡已经打印过了。",
        "de": "Ihr Namensschild wurde bereits gedruckt.",
    },
    "why_printer": {
        "en": "The printer is not available right now.",
        "zh_CN": "打印机暂时无法使用。",
        "de": "Der Drucker ist gerade nicht verfügbar.",
    },
    "why_print_failed": {
        "en": "Your badge could not be printed. Nothing was lost: staff will print it.",
        "zh_CN": "您的胸卡未能打印。信息没有丢失：工作人员会为您打印。",
        "de": "Ihr Namensschild konnte nicht gedruckt werden. Das Personal druckt es für Sie.",
    },
    "why_not_found": {
        "en": "We could not find your registration with this code.",
        "zh_CN": "无法通过此代码找到您的注册信息。",
        "de": "Mit diesem Code wurde keine Anmeldung gefunden.",
    },
    "why_cancelled": {
        "en": "This registration is not valid any more.",
        "zh_CN": "此注册已失效。",
        "de": "Diese Anmeldung ist nicht mehr gültig.",
    },
    "no_match": {
        "en": "No single registration matches. Check the spelling or type more characters.",
        "zh_CN": "没有唯一匹配的注册信息。请检查拼写或输入更多字符。",
        "de": "Keine eindeutige Anmeldung gefunden. "
        "Schreibweise prüfen oder mehr Zeichen eingeben.",
    },
    "too_short": {
        "en": "Type your surname and at least the first {n} characters of your booking code.",
        "zh_CN": "请输入姓氏及预订码的前 {n} 个字符。",
        "de": "Geben Sie Ihren Nachnamen und mindestens die ersten {n} Zeichen "
        "Ihres Buchungscodes ein.",
    },
    "locked": {
        "en": "Too many attempts at this kiosk. Staff will help you.",
        "zh_CN": "此自助机尝试次数过多。工作人员会为您提供帮助。",
        "de": "Zu viele Versuche an diesem Terminal. Das Personal hilft Ihnen.",
    },
    "staff_unlock": {
        "en": "Staff: unlock",
        "zh_CN": "工作人员：解锁",
        "de": "Personal: entsperren",
    },
    "bad_name": {
        "en": "Please enter your name.",
        "zh_CN": "请输入您的姓名。",
        "de": "Bitte geben Sie Ihren Namen ein.",
    },
    "not_spelling": {
        "en": "Only the spelling of your name can be corrected here. "
        "For a different name, please ask staff.",
        "zh_CN": "此处只能更正姓名的拼写。如需更改为其他姓名，请向工作人员求助。",
        "de": "Hier lässt sich nur die Schreibweise Ihres Namens korrigieren. "
        "Für einen anderen Namen wenden Sie sich bitte an das Personal.",
    },
    "first_name_required": {
        "en": "Your first name cannot be removed.",
        "zh_CN": "名字不能删除。",
        "de": "Der Vorname kann nicht entfernt werden.",
    },
    "staff_name": {
        "en": "Staff: change the name",
        "zh_CN": "工作人员：更改姓名",
        "de": "Personal: Namen ändern",
    },
    "reason": {"en": "Reason", "zh_CN": "原因", "de": "Grund"},
    "wrong_pin": {"en": "Wrong staff PIN.", "zh_CN": "工作人员密码错误。", "de": "Falsche PIN."},
}

REPRINT_REASONS = ("lost badge", "damaged badge", "name corrected", "printer jam", "other")


def text(lang: str, key: str, **values: object) -> str:
    """The words for `key` in `lang` (English where missing), {placeholders} filled in."""
    entry = TEXTS[key]
    words = entry.get(lang) or entry["en"]
    return words.format(**values) if values else words
