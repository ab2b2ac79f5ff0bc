"""The wording of the certificate in German and in the holders' languages.

These are the texts of a document, not UI strings: the German page is the
authoritative one, the second page is a translation into the holder's preferred
language. They live here (not in the gettext catalogs) so a certificate's wording
never changes with the language of the staff member who issues it.

Placeholders: {course} {place} {start} {end} {exam} {date} {url}. ``{place}`` is
printed with its parentheses: they belong to the address's left-to-right isolate, so
on the Arabic page a line break inside the address leaves "(" before its first word
and ")" after its last (as separate text, the opening one ended up mirrored at the end
of the first line and the closing one missing from the second).

Quotation marks are each language's own ("quotes"; rendering puts them around the
course title). Latin text in guillemets on the Arabic page is one left-to-right
isolate with its marks (U+2066 ... U+2069): left to themselves, WeasyPrint mirrors
only the closing mark and both point the same way (an HTML ``dir="ltr"`` span does
not change that).
"""

TEXTS = {
    "de": {
        "dir": "ltr",
        "title": "Integrationszertifikat Wohnen",
        "subtitle": "Mietführerschein",
        "intro": "Hiermit wird bescheinigt, dass",
        "born": "geboren am {date}",
        "latin": "in lateinischer Schrift",
        "quotes": ("„", "“"),
        "body": (
            "vom {start} bis zum {end} am Kurs {course} {place} teilgenommen und die "
            "Abschlussprüfung am {exam} erfolgreich bestanden hat."
        ),
        "modules": "Inhalte des Kurses",
        "statement": (
            "Die Inhaberin bzw. der Inhaber dieses Zertifikats kennt die Rechte und Pflichten "
            "von Mieterinnen und Mietern in Deutschland – vom Mietvertrag über Miete und "
            "Nebenkosten bis zu Heizen, Lüften und Hausordnung."
        ),
        "issued": "Ausgestellt am {date}",
        "valid_until": "Gültig bis {date}",
        "number": "Zertifikat-Nr.",
        "verify": "Echtheit prüfen: QR-Code scannen oder {url} aufrufen und diesen Code eingeben:",
        "translation": "",
    },
    "ro": {
        "dir": "ltr",
        "title": "Certificat de integrare – Locuire",
        "subtitle": "Cursul pentru chiriași „Mietführerschein”",
        "intro": "Prin prezentul se certifică faptul că",
        "born": "născut(ă) la {date}",
        "latin": "cu litere latine",
        "quotes": ("„", "”"),
        "body": (
            "a participat în perioada {start} – {end} la cursul {course} {place} și a "
            "promovat examenul final la data de {exam}."
        ),
        "modules": "Conținutul cursului",
        "statement": (
            "Titularul acestui certificat cunoaște drepturile și obligațiile chiriașilor în "
            "Germania – de la contractul de închiriere, chirie și cheltuielile de întreținere "
            "până la încălzire, aerisire și regulamentul clădirii."
        ),
        "issued": "Eliberat la {date}",
        "valid_until": "Valabil până la {date}",
        "number": "Nr. certificat",
        "verify": (
            "Verificarea autenticității: scanați codul QR sau deschideți {url} și introduceți "
            "acest cod:"
        ),
        "translation": "Traducere – textul în limba germană de pe pagina 1 este cel valabil.",
    },
    "bg": {
        "dir": "ltr",
        "title": "Сертификат за интеграция „Жилище“",
        "subtitle": "Курс за наематели „Mietführerschein“",
        "intro": "С настоящото се удостоверява, че",
        "born": "роден(а) на {date}",
        "latin": "на латиница",
        "quotes": ("„", "“"),
        "body": (
            "е участвал(а) в курса {course} {place} от {start} до {end} и е издържал(а) "
            "успешно заключителния изпит на {exam}."
        ),
        "modules": "Съдържание на курса",
        "statement": (
            "Притежателят на този сертификат познава правата и задълженията на наемателите в "
            "Германия – от договора за наем, наема и разходите за поддръжка до отоплението, "
            "проветряването и правилника на сградата."
        ),
        "issued": "Издаден на {date}",
        "valid_until": "Валиден до {date}",
        "number": "Сертификат №",
        "verify": (
            "Проверка на автентичността: сканирайте QR кода или отворете {url} и въведете този код:"
        ),
        "translation": "Превод – валиден е текстът на немски език на страница 1.",
    },
    "ar": {
        "dir": "rtl",
        "title": "شهادة الاندماج في السكن",
        "subtitle": "دورة المستأجرين \u2066«Mietführerschein»\u2069",
        "intro": "نشهد بموجب هذه الوثيقة بأنّ",
        "born": "المولود/ة بتاريخ {date}",
        "latin": "بالحروف اللاتينية",
        "quotes": ("«", "»"),
        "body": (
            "قد شارك/ت في دورة {course} {place} خلال الفترة من {start} إلى {end}، "
            "واجتاز/ت الامتحان النهائي بنجاح بتاريخ {exam}."
        ),
        "modules": "محتوى الدورة",
        "statement": (
            "يعرف حامل هذه الشهادة حقوق المستأجرين وواجباتهم في ألمانيا: من عقد الإيجار "
            "والإيجار والتكاليف الإضافية إلى التدفئة والتهوية ونظام المبنى."
        ),
        "issued": "صدرت بتاريخ {date}",
        "valid_until": "صالحة حتى {date}",
        "number": "رقم الشهادة",
        "verify": "للتحقق من صحة الشهادة: امسح رمز QR أو افتح {url} وأدخل هذا الرمز:",
        "translation": "ترجمة – النص الألماني في الصفحة 1 هو النص المعتمد.",
    },
    "tr": {
        "dir": "ltr",
        "title": "Konut Uyum Sertifikası",
        "subtitle": "Kiracı kursu “Mietführerschein”",
        "intro": "İşbu belge ile",
        "born": "doğum tarihi: {date}",
        "latin": "Latin harfleriyle",
        "quotes": ("“", "”"),
        "body": (
            "adlı kişinin {start} – {end} tarihleri arasında {course} kursuna {place} "
            "katıldığı ve {exam} tarihinde bitirme sınavını başarıyla geçtiği onaylanır."
        ),
        "modules": "Kursun içeriği",
        "statement": (
            "Bu sertifikanın sahibi, Almanya'da kiracıların hak ve yükümlülüklerini bilir: "
            "kira sözleşmesi, kira ve yan giderlerden ısıtma, havalandırma ve bina "
            "yönetmeliğine kadar."
        ),
        "issued": "Düzenlenme tarihi: {date}",
        "valid_until": "Geçerlilik sonu: {date}",
        "number": "Sertifika No.",
        "verify": (
            "Doğruluğunu kontrol edin: QR kodu okutun veya {url} adresini açıp bu kodu girin:"
        ),
        "translation": "Çeviri – geçerli olan, 1. sayfadaki Almanca metindir.",
    },
    "uk": {
        "dir": "ltr",
        "title": "Сертифікат інтеграції «Житло»",
        "subtitle": "Курс для орендарів «Mietführerschein»",
        "intro": "Цим засвідчується, що",
        "born": "дата народження: {date}",
        "latin": "латиницею",
        "quotes": ("«", "»"),
        "body": (
            "з {start} по {end} брав(ла) участь у курсі {course} {place} та {exam} "
            "успішно склав(ла) підсумковий іспит."
        ),
        "modules": "Зміст курсу",
        "statement": (
            "Власник цього сертифіката знає права та обов'язки орендарів у Німеччині – від "
            "договору оренди, орендної плати та комунальних платежів до опалення, "
            "провітрювання та правил будинку."
        ),
        "issued": "Видано {date}",
        "valid_until": "Дійсний до {date}",
        "number": "Сертифікат №",
        "verify": (
            "Перевірка справжності: відскануйте QR-код або відкрийте {url} і введіть цей код:"
        ),
        "translation": "Переклад – чинним є німецький текст на сторінці 1.",
    },
    "en": {
        "dir": "ltr",
        "title": "Integration Certificate – Housing",
        "subtitle": "Tenants' course “Mietführerschein”",
        "intro": "This is to certify that",
        "born": "born on {date}",
        "latin": "in Latin letters",
        "quotes": ("“", "”"),
        "body": (
            "took part in the course {course} {place} from {start} to {end} and passed "
            "the final exam on {exam}."
        ),
        "modules": "Course content",
        "statement": (
            "The holder of this certificate knows the rights and duties of tenants in "
            "Germany – from the tenancy agreement, rent and service charges to heating, "
            "airing and the house rules."
        ),
        "issued": "Issued on {date}",
        "valid_until": "Valid until {date}",
        "number": "Certificate no.",
        "verify": "Check that it is genuine: scan the QR code or open {url} and enter this code:",
        "translation": "Translation – the German text on page 1 is authoritative.",
    },
}

# The curriculum modules (courses/0002_curriculum.py) by code. A module without an
# entry keeps its German title on the second page.
MODULES = {
    "mietvertrag": {
        "ro": "Contractul de închiriere",
        "bg": "Договорът за наем",
        "ar": "عقد الإيجار",
        "tr": "Kira sözleşmesi",
        "uk": "Договір оренди",
        "en": "The tenancy agreement",
    },
    "miete-nebenkosten": {
        "ro": "Chiria și cheltuielile de întreținere",
        "bg": "Наем и разходи за поддръжка",
        "ar": "الإيجار والتكاليف الإضافية",
        "tr": "Kira ve yan giderler",
        "uk": "Орендна плата та комунальні платежі",
        "en": "Rent and service charges",
    },
    "heizen-lueften": {
        "ro": "Încălzire și aerisire",
        "bg": "Отопление и проветряване",
        "ar": "التدفئة والتهوية",
        "tr": "Isıtma ve havalandırma",
        "uk": "Опалення та провітрювання",
        "en": "Heating and airing",
    },
    "muelltrennung": {
        "ro": "Colectarea separată a deșeurilor",
        "bg": "Разделно събиране на отпадъци",
        "ar": "فرز النفايات",
        "tr": "Çöplerin ayrıştırılması",
        "uk": "Сортування сміття",
        "en": "Waste separation",
    },
    "hausordnung-ruhezeiten": {
        "ro": "Regulamentul clădirii și orele de liniște",
        "bg": "Правилник на сградата и часове за тишина",
        "ar": "نظام المبنى وأوقات الهدوء",
        "tr": "Bina yönetmeliği ve sessizlik saatleri",
        "uk": "Правила будинку та години тиші",
        "en": "House rules and quiet hours",
    },
    "strom-energie": {
        "ro": "Economisirea curentului și a energiei",
        "bg": "Пестене на ток и енергия",
        "ar": "توفير الكهرباء والطاقة",
        "tr": "Elektrik ve enerji tasarrufu",
        "uk": "Економія електроенергії та енергії",
        "en": "Saving electricity and energy",
    },
    "geld-konto": {
        "ro": "Bani și cont bancar",
        "bg": "Пари и банкова сметка",
        "ar": "المال والحساب المصرفي",
        "tr": "Para ve banka hesabı",
        "uk": "Гроші та банківський рахунок",
        "en": "Money and bank account",
    },
    "rechte-pflichten": {
        "ro": "Drepturi și obligații",
        "bg": "Права и задължения",
        "ar": "الحقوق والواجبات",
        "tr": "Haklar ve yükümlülükler",
        "uk": "Права та обов'язки",
        "en": "Rights and duties",
    },
    "post-behoerden": {
        "ro": "Corespondență și autorități",
        "bg": "Поща и институции",
        "ar": "البريد والدوائر الرسمية",
        "tr": "Posta ve resmi daireler",
        "uk": "Пошта та установи",
        "en": "Letters and authorities",
    },
}


def module_title(module: dict, language: str) -> str:
    if language == "de":
        return module["title"]
    return MODULES.get(module.get("code"), {}).get(language, module["title"])
