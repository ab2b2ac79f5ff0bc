"""Texts of the demo course materials, written for this project in easy language.

German is the source. Each translation lists its strings in the same order as the
German ones; cms/demo.py pairs them up and stores them as wagtail-localize string
translations, exactly as a translator's work would be stored.

The German words in the key terms are not translated: learners need to recognise
them on letters and signs.
"""

TERMS_HEADING = {
    "de": "Wichtige Wörter",
    "ro": "Cuvinte importante",
    "bg": "Важни думи",
    "ar": "كلمات مهمة",
}
CHECK_HEADING = {
    "de": "Das hilft – das schadet",
    "ro": "Ce ajută – ce strică",
    "bg": "Кое помага – кое вреди",
    "ar": "ما يفيد – ما يضر",
}

HOME = {
    "de": {
        "title": "Mietführerschein",
        "intro": (
            "Hier lernen Sie, wie Wohnen zur Miete in Deutschland funktioniert. "
            "Die Texte sind kurz und einfach. Es gibt Bilder und Wörter zum Anhören."
        ),
    },
    "ro": {
        "title": "Permisul de chiriaș",
        "intro": (
            "Aici învățați cum funcționează închirierea unei locuințe în Germania. "
            "Textele sunt scurte și simple. Există imagini și cuvinte pe care le puteți asculta."
        ),
    },
    "bg": {
        "title": "Книжка за наематели",
        "intro": (
            "Тук ще научите как се живее под наем в Германия. "
            "Текстовете са кратки и лесни. Има картинки и думи, които можете да чуете."
        ),
    },
    "ar": {
        "title": "رخصة الاستئجار",
        "intro": (
            "هنا تتعلم كيف يعمل استئجار السكن في ألمانيا. "
            "النصوص قصيرة وسهلة. توجد صور وكلمات يمكنك الاستماع إليها."
        ),
    },
}

INDEX = {
    "de": {
        "title": "Lernmaterial",
        "intro": "Neun Themen rund um die Wohnung. Lesen Sie vor und nach dem Kurs.",
    },
    "ro": {
        "title": "Materiale de învățare",
        "intro": "Nouă teme despre locuință. Citiți înainte și după curs.",
    },
    "bg": {
        "title": "Учебни материали",
        "intro": "Девет теми за жилището. Четете преди и след курса.",
    },
    "ar": {
        "title": "مواد التعلم",
        "intro": "تسعة مواضيع حول السكن. اقرأ قبل الدورة وبعدها.",
    },
}

# Module code -> language -> texts. "terms" in German: (German word, explanation, picture).
MODULES = {
    "mietvertrag": {
        "de": {
            "title": "Der Mietvertrag",
            "intro": "Der Mietvertrag regelt, was Sie und der Vermieter dürfen und müssen.",
            "paragraphs": [
                "Lesen Sie den Mietvertrag, bevor Sie unterschreiben. Sie dürfen ihn mit nach "
                "Hause nehmen. Fragen Sie, wenn Sie etwas nicht verstehen.",
                "Im Vertrag steht die Miete, die Kaution und wer in der Wohnung wohnt. "
                "Die Kaution ist höchstens drei Monatsmieten ohne Nebenkosten. "
                "Sie dürfen sie in drei Raten zahlen.",
                "Beim Einzug schreiben Sie und der Vermieter auf, wie die Wohnung aussieht. "
                "Machen Sie Fotos. Melden Sie sich innerhalb von zwei Wochen beim Bürgeramt an.",
            ],
            "terms": [
                ("der Mietvertrag", "Der Vertrag über die Wohnung.", "contract"),
                ("die Kaution", "Geld als Sicherheit. Sie bekommen es am Ende zurück.", "coin"),
                ("die Kündigung", "Sie beenden den Vertrag. Meist mit 3 Monaten Frist.", "letter"),
            ],
            "do": [
                "Den Vertrag in Ruhe lesen.",
                "Eine Kopie des Vertrags gut aufbewahren.",
                "Beim Einzug Fotos von der Wohnung machen.",
            ],
            "dont": [
                "Unterschreiben, ohne zu verstehen.",
                "Kaution ohne Quittung bar bezahlen.",
                "Weitere Personen ohne Erlaubnis einziehen lassen.",
            ],
        },
        "ro": {
            "title": "Contractul de închiriere",
            "intro": "Contractul de închiriere spune ce aveți voie și ce trebuie să faceți "
            "dumneavoastră și proprietarul.",
            "paragraphs": [
                "Citiți contractul înainte să semnați. Aveți voie să-l luați acasă. "
                "Întrebați dacă nu înțelegeți ceva.",
                "În contract scrie chiria, garanția și cine locuiește în apartament. "
                "Garanția este de cel mult trei chirii lunare fără cheltuieli de întreținere. "
                "O puteți plăti în trei rate.",
                "La mutare, dumneavoastră și proprietarul scrieți cum arată locuința. "
                "Faceți fotografii. Înregistrați-vă la primărie (Bürgeramt) în două săptămâni.",
            ],
            "meanings": [
                "Contractul pentru locuință.",
                "Bani ca garanție. Îi primiți înapoi la sfârșit.",
                "Rezilierea contractului. De obicei cu un termen de 3 luni.",
            ],
            "do": [
                "Citiți contractul liniștit.",
                "Păstrați bine o copie a contractului.",
                "Faceți fotografii ale locuinței la mutare.",
            ],
            "dont": [
                "Să semnați fără să înțelegeți.",
                "Să plătiți garanția cash fără chitanță.",
                "Să lăsați alte persoane să se mute fără permisiune.",
            ],
        },
        "bg": {
            "title": "Договорът за наем",
            "intro": "Договорът за наем определя какво можете и какво трябва да правите "
            "вие и хазяинът.",
            "paragraphs": [
                "Прочетете договора, преди да подпишете. Можете да го вземете вкъщи. "
                "Питайте, ако нещо не разбирате.",
                "В договора пише наемът, депозитът и кой живее в жилището. "
                "Депозитът е най-много три месечни наема без разходите за поддръжка. "
                "Можете да го платите на три вноски.",
                "При нанасянето вие и хазяинът записвате как изглежда жилището. "
                "Направете снимки. Регистрирайте се в общината (Bürgeramt) до две седмици.",
            ],
            "meanings": [
                "Договорът за жилището.",
                "Пари като гаранция. Получавате ги обратно накрая.",
                "Прекратяване на договора. Обикновено със срок от 3 месеца.",
            ],
            "do": [
                "Прочетете договора спокойно.",
                "Пазете добре копие от договора.",
                "Снимайте жилището при нанасяне.",
            ],
            "dont": [
                "Да подписвате, без да разбирате.",
                "Да плащате депозита в брой без разписка.",
                "Да пускате други хора да живеят при вас без разрешение.",
            ],
        },
    },
    "miete-nebenkosten": {
        "de": {
            "title": "Miete und Nebenkosten",
            "intro": "Jeden Monat zahlen Sie die Miete. Dazu kommen die Nebenkosten.",
            "paragraphs": [
                "Die Kaltmiete ist der Preis für die Wohnung. Die Nebenkosten sind zum Beispiel "
                "Wasser, Müll und Heizung. Kaltmiete und Nebenkosten zusammen sind die Warmmiete.",
                "Die Miete muss am Anfang des Monats auf dem Konto des Vermieters sein. "
                "Ein Dauerauftrag bei der Bank hilft: Dann vergessen Sie es nie.",
                "Einmal im Jahr kommt die Nebenkostenabrechnung. Vielleicht müssen Sie "
                "nachzahlen, vielleicht bekommen Sie Geld zurück. Zahlt das Jobcenter Ihre Miete, "
                "zeigen Sie ihm die Abrechnung.",
            ],
            "terms": [
                ("die Kaltmiete", "Die Miete ohne Nebenkosten.", "house"),
                ("die Nebenkosten", "Kosten für Wasser, Müll, Heizung und mehr.", "drop"),
                ("der Dauerauftrag", "Die Bank überweist jeden Monat automatisch.", "calendar"),
            ],
            "do": [
                "Die Miete pünktlich zahlen.",
                "Die Abrechnung genau lesen.",
                "Das Jobcenter über Änderungen informieren.",
            ],
            "dont": [
                "Die Miete später oder nur teilweise zahlen.",
                "Briefe vom Vermieter ungeöffnet liegen lassen.",
                "Eine Nachzahlung einfach nicht bezahlen.",
            ],
        },
        "ro": {
            "title": "Chiria și cheltuielile de întreținere",
            "intro": "În fiecare lună plătiți chiria. La ea se adaugă cheltuielile de întreținere.",
            "paragraphs": [
                "Chiria rece (Kaltmiete) este prețul locuinței. Cheltuielile de întreținere sunt, "
                "de exemplu, apa, gunoiul și încălzirea. Împreună formează chiria caldă "
                "(Warmmiete).",
                "Chiria trebuie să fie la începutul lunii în contul proprietarului. "
                "Un ordin de plată permanent la bancă ajută: așa nu uitați niciodată.",
                "O dată pe an vine decontul cheltuielilor. Poate trebuie să plătiți în plus, "
                "poate primiți bani înapoi. Dacă Jobcenter plătește chiria, arătați-i decontul.",
            ],
            "meanings": [
                "Chiria fără cheltuieli de întreținere.",
                "Costuri pentru apă, gunoi, încălzire și altele.",
                "Banca transferă automat în fiecare lună.",
            ],
            "do": [
                "Plătiți chiria la timp.",
                "Citiți atent decontul.",
                "Informați Jobcenter despre schimbări.",
            ],
            "dont": [
                "Să plătiți chiria mai târziu sau doar o parte.",
                "Să lăsați scrisorile de la proprietar nedeschise.",
                "Să nu plătiți pur și simplu o diferență de plată.",
            ],
        },
        "bg": {
            "title": "Наем и разходи за поддръжка",
            "intro": "Всеки месец плащате наема. Към него се добавят разходите за поддръжка.",
            "paragraphs": [
                "Студеният наем (Kaltmiete) е цената на жилището. Разходите за поддръжка са "
                "например вода, боклук и отопление. Заедно те са топлият наем (Warmmiete).",
                "Наемът трябва да е в сметката на хазяина в началото на месеца. "
                "Постоянното нареждане в банката помага: така никога няма да забравите.",
                "Веднъж годишно идва сметката за разходите. Може да трябва да доплатите, "
                "може да получите пари обратно. Ако Jobcenter плаща наема "
                "ви, покажете му сметката.",
            ],
            "meanings": [
                "Наемът без разходите за поддръжка.",
                "Разходи за вода, боклук, отопление и други.",
                "Банката превежда автоматично всеки месец.",
            ],
            "do": [
                "Плащайте наема навреме.",
                "Четете внимателно сметката.",
                "Съобщавайте на Jobcenter за промени.",
            ],
            "dont": [
                "Да плащате наема по-късно или само част от него.",
                "Да оставяте писмата от хазяина неотворени.",
                "Просто да не платите доплащането.",
            ],
        },
    },
    "heizen-lueften": {
        "de": {
            "title": "Heizen und Lüften",
            "intro": "Richtig heizen und lüften spart Geld und schützt vor Schimmel.",
            "paragraphs": [
                "Beim Kochen, Duschen und Atmen entsteht feuchte Luft. Diese Feuchtigkeit muss "
                "raus. Sonst wächst Schimmel an den Wänden. Schimmel macht krank.",
                "Öffnen Sie drei- bis viermal am Tag die Fenster ganz. Nach fünf bis zehn Minuten "
                "machen Sie sie wieder zu. Das heißt Stoßlüften. Ein gekipptes Fenster bringt "
                "wenig frische Luft und kühlt die Wand aus.",
                "Im Wohnzimmer sind etwa 20 Grad gut, im Schlafzimmer etwa 17 Grad. Drehen Sie "
                "die Heizung im Winter nie ganz aus. Sehen Sie Schimmel, sagen Sie es sofort dem "
                "Vermieter.",
            ],
            "terms": [
                ("das Stoßlüften", "Das Fenster kurz ganz öffnen.", "window"),
                ("die Heizung", "Sie macht die Wohnung warm.", "radiator"),
                ("der Schimmel", "Dunkle Flecken an der Wand. Er macht krank.", "mould"),
            ],
            "do": [
                "Mehrmals am Tag kurz und ganz lüften.",
                "Nach dem Duschen und Kochen sofort lüften.",
                "Möbel ein Stück von der Außenwand wegstellen.",
            ],
            "dont": [
                "Das Fenster stundenlang kippen.",
                "Die Heizung im Winter ganz ausmachen.",
                "Schimmel verstecken oder überstreichen.",
            ],
            "quiz": {
                "question": "Wie lüften Sie richtig?",
                "answers": [
                    ("Fenster 5 bis 10 Minuten ganz auf", True, "Genau: kurz und ganz.", "window"),
                    ("Fenster den ganzen Tag gekippt", False, "Das kühlt die Wand aus.", "tilted"),
                ],
            },
        },
        "ro": {
            "title": "Încălzire și aerisire",
            "intro": "Încălzirea și aerisirea corectă economisesc bani și protejează de mucegai.",
            "paragraphs": [
                "Când gătiți, faceți duș și respirați, aerul devine umed. Această umezeală "
                "trebuie să iasă. Altfel crește mucegai pe pereți. Mucegaiul îmbolnăvește.",
                "Deschideți larg ferestrele de trei sau patru ori pe zi. După cinci până la zece "
                "minute le închideți din nou. Asta se numește aerisire intensă (Stoßlüften). "
                "O fereastră rabatată aduce puțin aer proaspăt și răcește peretele.",
                "În sufragerie sunt bune circa 20 de grade, în dormitor circa 17 grade. "
                "Iarna nu opriți niciodată complet încălzirea. Dacă vedeți mucegai, spuneți-i "
                "imediat proprietarului.",
            ],
            "meanings": [
                "Deschideți fereastra complet pentru scurt timp.",
                "Încălzirea face locuința caldă.",
                "Pete închise la culoare pe perete. Mucegaiul îmbolnăvește.",
            ],
            "do": [
                "Aerisiți scurt și complet de mai multe ori pe zi.",
                "Aerisiți imediat după duș și după gătit.",
                "Puneți mobila puțin mai departe de peretele exterior.",
            ],
            "dont": [
                "Să lăsați fereastra rabatată ore întregi.",
                "Să opriți complet încălzirea iarna.",
                "Să ascundeți mucegaiul sau să vopsiți peste el.",
            ],
            "quiz": {
                "question": "Cum aerisiți corect?",
                "answers": [
                    ("Fereastra complet deschisă 5–10 minute", "Exact: scurt și complet."),
                    ("Fereastra rabatată toată ziua", "Așa se răcește peretele."),
                ],
            },
        },
        "bg": {
            "title": "Отопление и проветряване",
            "intro": "Правилното отопление и проветряване пестят пари и пазят от мухъл.",
            "paragraphs": [
                "Когато готвите, се къпете и дишате, въздухът става влажен. Тази влага трябва "
                "да излезе. Иначе по стените расте мухъл. Мухълът разболява.",
                "Отваряйте прозорците изцяло три-четири пъти на ден. След пет до десет минути "
                "ги затворете. Това се нарича интензивно проветряване (Stoßlüften). "
                "Открехнатият прозорец носи малко свеж въздух и изстудява стената.",
                "В хола около 20 градуса са добре, в спалнята около 17 градуса. През зимата "
                "никога не изключвайте отоплението напълно. Ако видите мухъл, кажете веднага "
                "на хазяина.",
            ],
            "meanings": [
                "Отворете прозореца изцяло за кратко.",
                "Отоплението затопля жилището.",
                "Тъмни петна по стената. Мухълът разболява.",
            ],
            "do": [
                "Проветрявайте кратко и изцяло няколко пъти на ден.",
                "Проветрявайте веднага след къпане и готвене.",
                "Отдалечете мебелите малко от външната стена.",
            ],
            "dont": [
                "Да държите прозореца открехнат с часове.",
                "Да изключвате отоплението напълно през зимата.",
                "Да криете мухъла или да боядисвате върху него.",
            ],
            "quiz": {
                "question": "Как се проветрява правилно?",
                "answers": [
                    ("Прозорецът изцяло отворен 5–10 минути", "Точно така: кратко и изцяло."),
                    ("Прозорецът открехнат цял ден", "Така стената изстива."),
                ],
            },
        },
        "ar": {
            "title": "التدفئة والتهوية",
            "intro": "التدفئة والتهوية الصحيحة توفران المال وتحميان من العفن.",
            "paragraphs": [
                "عند الطبخ والاستحمام والتنفس يصبح الهواء رطبًا. يجب أن تخرج هذه الرطوبة. "
                "وإلا ينمو العفن على الجدران. العفن يسبب المرض.",
                "افتح النوافذ بالكامل ثلاث أو أربع مرات في اليوم. بعد خمس إلى عشر دقائق "
                "أغلقها مرة أخرى. هذا يسمى التهوية السريعة (Stoßlüften). "
                "النافذة المائلة تُدخل قليلًا من الهواء النقي وتبرّد الجدار.",
                "في غرفة المعيشة حوالي 20 درجة مناسبة، وفي غرفة النوم حوالي 17 درجة. "
                "لا تطفئ التدفئة بالكامل في الشتاء أبدًا. إذا رأيت عفنًا فأخبر المؤجر فورًا.",
            ],
            "meanings": [
                "افتح النافذة بالكامل لوقت قصير.",
                "التدفئة تجعل الشقة دافئة.",
                "بقع داكنة على الجدار. العفن يسبب المرض.",
            ],
            "do": [
                "هوِّ الشقة بالكامل لوقت قصير عدة مرات في اليوم.",
                "هوِّ الشقة فورًا بعد الاستحمام والطبخ.",
                "أبعد الأثاث قليلًا عن الجدار الخارجي.",
            ],
            "dont": [
                "ترك النافذة مائلة لساعات.",
                "إطفاء التدفئة بالكامل في الشتاء.",
                "إخفاء العفن أو طلاؤه.",
            ],
            "quiz": {
                "question": "كيف تهوّي الشقة بشكل صحيح؟",
                "answers": [
                    ("النافذة مفتوحة بالكامل من 5 إلى 10 دقائق", "صحيح: وقت قصير وفتح كامل."),
                    ("النافذة مائلة طوال اليوم", "هذا يبرّد الجدار."),
                ],
            },
        },
    },
    "muelltrennung": {
        "de": {
            "title": "Mülltrennung",
            "intro": "In Deutschland kommt der Müll in verschiedene Tonnen.",
            "paragraphs": [
                "Papier und Karton kommen in die blaue Tonne. Verpackungen aus Plastik und Metall "
                "kommen in die gelbe Tonne oder den gelben Sack. Essensreste kommen in die "
                "Biotonne. Alles andere ist Restmüll.",
                "Glasflaschen bringen Sie zum Glascontainer: weißes, grünes und braunes Glas "
                "getrennt. Flaschen mit Pfand bringen Sie in den Laden zurück. Dort bekommen Sie "
                "Geld.",
                "Große Dinge wie Möbel sind Sperrmüll. Dafür machen Sie einen Termin bei der "
                "Stadt. Batterien und alte Geräte bringen Sie zu einer Sammelstelle.",
            ],
            "terms": [
                ("die Biotonne", "Die Tonne für Essensreste.", "bin"),
                ("das Pfand", "Geld, das Sie für leere Flaschen zurückbekommen.", "bottle"),
                ("der Sperrmüll", "Große Dinge wie Möbel oder Matratzen.", "sofa"),
            ],
            "do": [
                "Den Müll in der Wohnung schon trennen.",
                "Kartons klein falten.",
                "Für Sperrmüll einen Termin machen.",
            ],
            "dont": [
                "Müll neben die Tonnen stellen.",
                "Glas abends oder am Sonntag einwerfen.",
                "Plastiktüten in die Biotonne werfen.",
            ],
        },
        "ro": {
            "title": "Separarea gunoiului",
            "intro": "În Germania gunoiul se pune în tomberoane diferite.",
            "paragraphs": [
                "Hârtia și cartonul merg în tomberonul albastru. Ambalajele din plastic și metal "
                "merg în tomberonul galben sau în sacul galben. Resturile de mâncare merg în "
                "tomberonul bio. Tot restul este gunoi rezidual (Restmüll).",
                "Sticlele de sticlă le duceți la containerul de sticlă: sticla albă, verde și maro "
                "separat. Sticlele cu garanție (Pfand) le duceți înapoi la magazin. Acolo primiți "
                "bani.",
                "Lucrurile mari, ca mobila, sunt deșeuri voluminoase "
                "(Sperrmüll). Pentru ele faceți "
                "o programare la oraș. Bateriile și aparatele vechi le duceți la un punct de "
                "colectare.",
            ],
            "meanings": [
                "Tomberonul pentru resturi de mâncare.",
                "Bani pe care îi primiți înapoi pentru sticlele goale.",
                "Lucruri mari, ca mobila sau saltelele.",
            ],
            "do": [
                "Separați gunoiul deja în locuință.",
                "Pliați cutiile de carton mici.",
                "Faceți o programare pentru deșeurile voluminoase.",
            ],
            "dont": [
                "Să puneți gunoiul lângă tomberoane.",
                "Să aruncați sticlă seara sau duminica.",
                "Să aruncați pungi de plastic în tomberonul bio.",
            ],
        },
        "bg": {
            "title": "Разделяне на отпадъците",
            "intro": "В Германия боклукът се слага в различни кофи.",
            "paragraphs": [
                "Хартията и картонът отиват в синята кофа. Опаковките от пластмаса и метал отиват "
                "в жълтата кофа или в жълтия чувал. Остатъците от храна отиват в кофата за "
                "биоотпадъци. Всичко останало е смесен боклук (Restmüll).",
                "Стъклените бутилки занесете до контейнера за стъкло: бяло, зелено и кафяво стъкло "
                "поотделно. Бутилките с депозит (Pfand) върнете в магазина. Там получавате пари.",
                "Големите неща като мебели са едрогабаритни отпадъци (Sperrmüll). За тях си "
                "запишете час в общината. Батериите и старите уреди занесете в пункт за събиране.",
            ],
            "meanings": [
                "Кофата за остатъци от храна.",
                "Пари, които получавате обратно за празни бутилки.",
                "Големи неща като мебели или матраци.",
            ],
            "do": [
                "Разделяйте боклука още в жилището.",
                "Сгъвайте кашоните на малко.",
                "Запишете си час за едрогабаритните отпадъци.",
            ],
            "dont": [
                "Да оставяте боклук до кофите.",
                "Да хвърляте стъкло вечер или в неделя.",
                "Да хвърляте найлонови торбички в кофата за биоотпадъци.",
            ],
        },
    },
    "hausordnung-ruhezeiten": {
        "de": {
            "title": "Hausordnung und Ruhezeiten",
            "intro": "In einem Haus wohnen viele Menschen. Die Hausordnung sagt, "
            "was alle beachten.",
            "paragraphs": [
                "Von 22 Uhr bis 6 Uhr ist Nachtruhe. Dann sind Musik, Fernseher und laute "
                "Gespräche leise. Auch am Sonntag und an Feiertagen soll es ruhig sein.",
                "Viele Häuser haben einen Putzplan für das Treppenhaus. Schauen Sie, wann Sie "
                "dran sind. Im Treppenhaus dürfen keine Schuhe, Kinderwagen oder Möbel stehen: "
                "Bei Feuer muss der Weg frei sein.",
                "Sie feiern ein Fest? Sagen Sie es den Nachbarn vorher. Gibt es Streit, sprechen "
                "Sie ruhig miteinander oder fragen Sie Ihre Begleitung um Hilfe.",
            ],
            "terms": [
                ("die Hausordnung", "Die Regeln für alle im Haus.", "house"),
                ("die Nachtruhe", "Von 22 bis 6 Uhr ist es leise.", "moon"),
                ("das Treppenhaus", "Der Flur mit den Treppen im Haus.", "stairs"),
            ],
            "do": [
                "Die Hausordnung lesen.",
                "Nachbarn grüßen und vor einem Fest Bescheid sagen.",
                "Das Treppenhaus frei halten.",
            ],
            "dont": [
                "Nachts laut Musik hören.",
                "Schuhe und Müll in den Flur stellen.",
                "Auf dem Balkon grillen, wenn es verboten ist.",
            ],
        },
        "ro": {
            "title": "Regulamentul casei și orele de liniște",
            "intro": "Într-o clădire locuiesc mulți oameni. Regulamentul spune ce respectă toți.",
            "paragraphs": [
                "De la ora 22 până la ora 6 este liniște de noapte. Atunci muzica, televizorul și "
                "discuțiile se țin încet. Și duminica și de sărbători trebuie să fie liniște.",
                "Multe clădiri au un plan de curățenie pentru casa scării. Uitați-vă când vă vine "
                "rândul. În casa scării nu au voie să stea pantofi, cărucioare sau mobilă: "
                "la incendiu drumul trebuie să fie liber.",
                "Faceți o petrecere? Spuneți-le vecinilor dinainte. Dacă apare o ceartă, vorbiți "
                "calm sau cereți ajutor persoanei care vă însoțește.",
            ],
            "meanings": [
                "Regulile pentru toți cei din clădire.",
                "De la 22 la 6 este liniște.",
                "Holul cu scări din clădire.",
            ],
            "do": [
                "Citiți regulamentul casei.",
                "Salutați vecinii și anunțați-i înainte de o petrecere.",
                "Țineți casa scării liberă.",
            ],
            "dont": [
                "Să ascultați muzică tare noaptea.",
                "Să puneți pantofi și gunoi pe hol.",
                "Să faceți grătar pe balcon, dacă este interzis.",
            ],
        },
        "bg": {
            "title": "Домашен правилник и часове за тишина",
            "intro": "В една сграда живеят много хора. Правилникът казва какво спазват всички.",
            "paragraphs": [
                "От 22 до 6 часа е нощна тишина. Тогава музиката, телевизорът и разговорите са "
                "тихи. И в неделя, и на празници трябва да е тихо.",
                "Много сгради имат график за чистене на стълбището. Вижте кога е вашият ред. "
                "На стълбището не бива да стоят обувки, колички или мебели: при пожар пътят "
                "трябва да е свободен.",
                "Правите празненство? Кажете на съседите предварително. Ако има спор, говорете "
                "спокойно или помолете за помощ човека, който ви придружава.",
            ],
            "meanings": [
                "Правилата за всички в сградата.",
                "От 22 до 6 часа е тихо.",
                "Коридорът със стълбите в сградата.",
            ],
            "do": [
                "Прочетете домашния правилник.",
                "Поздравявайте съседите и ги предупредете преди празненство.",
                "Пазете стълбището свободно.",
            ],
            "dont": [
                "Да слушате силна музика през нощта.",
                "Да оставяте обувки и боклук в коридора.",
                "Да правите барбекю на балкона, ако е забранено.",
            ],
        },
    },
    "strom-energie": {
        "de": {
            "title": "Strom und Energie sparen",
            "intro": "Strom kostet viel Geld. Mit kleinen Schritten sparen Sie jeden Monat.",
            "paragraphs": [
                "Melden Sie sich beim Einzug bei einem Stromanbieter an. Schreiben Sie den "
                "Zählerstand auf und machen Sie ein Foto vom Zähler.",
                "Sie zahlen jeden Monat einen Abschlag. Einmal im Jahr kommt die Rechnung. "
                "Haben Sie mehr Strom verbraucht, müssen Sie nachzahlen.",
                "Machen Sie das Licht aus, wenn Sie den Raum verlassen. Schalten Sie Geräte ganz "
                "aus, nicht nur auf Stand-by. Waschen Sie mit voller Maschine und 30 oder 40 Grad. "
                "Kochen Sie mit Deckel auf dem Topf.",
            ],
            "terms": [
                ("der Zählerstand", "Die Zahl auf dem Stromzähler.", "meter"),
                ("der Abschlag", "Ein fester Betrag, den Sie jeden Monat zahlen.", "calendar"),
                ("der Stromanbieter", "Die Firma, die Ihnen Strom verkauft.", "bolt"),
            ],
            "do": [
                "Licht ausmachen, wenn niemand im Raum ist.",
                "Die Waschmaschine voll machen.",
                "Den Zählerstand beim Einzug fotografieren.",
            ],
            "dont": [
                "Geräte den ganzen Tag auf Stand-by lassen.",
                "Den Kühlschrank offen stehen lassen.",
                "Mit einem Elektro-Heizlüfter heizen.",
            ],
        },
        "ro": {
            "title": "Economisirea curentului și a energiei",
            "intro": "Curentul costă mulți bani. Cu pași mici economisiți în fiecare lună.",
            "paragraphs": [
                "La mutare înregistrați-vă la un furnizor de curent. Notați indexul contorului "
                "și faceți o fotografie a contorului.",
                "În fiecare lună plătiți o sumă fixă (Abschlag). O dată pe an vine factura. "
                "Dacă ați consumat mai mult curent, trebuie să plătiți diferența.",
                "Stingeți lumina când ieșiți din cameră. Opriți aparatele complet, nu doar în "
                "stand-by. Spălați cu mașina plină, la 30 sau 40 de grade. "
                "Gătiți cu capac pe oală.",
            ],
            "meanings": [
                "Numărul de pe contorul de curent.",
                "O sumă fixă pe care o plătiți în fiecare lună.",
                "Firma care vă vinde curent.",
            ],
            "do": [
                "Stingeți lumina când nu este nimeni în cameră.",
                "Umpleți mașina de spălat.",
                "Fotografiați indexul contorului la mutare.",
            ],
            "dont": [
                "Să lăsați aparatele toată ziua în stand-by.",
                "Să lăsați frigiderul deschis.",
                "Să încălziți cu un radiator electric cu ventilator.",
            ],
        },
        "bg": {
            "title": "Пестене на ток и енергия",
            "intro": "Токът струва много пари. С малки стъпки пестите всеки месец.",
            "paragraphs": [
                "При нанасяне се регистрирайте при доставчик на ток. Запишете показанието на "
                "електромера и го снимайте.",
                "Всеки месец плащате фиксирана сума (Abschlag). Веднъж годишно идва сметката. "
                "Ако сте използвали повече ток, трябва да доплатите.",
                "Гасете лампата, когато излизате от стаята. Изключвайте уредите напълно, не само "
                "в режим на готовност. Перете с пълна машина на 30 или 40 градуса. Гответе с "
                "капак на тенджерата.",
            ],
            "meanings": [
                "Числото на електромера.",
                "Фиксирана сума, която плащате всеки месец.",
                "Фирмата, която ви продава ток.",
            ],
            "do": [
                "Гасете лампата, когато няма никой в стаята.",
                "Пълнете пералнята догоре.",
                "Снимайте показанието на електромера при нанасяне.",
            ],
            "dont": [
                "Да оставяте уредите в режим на готовност цял ден.",
                "Да оставяте хладилника отворен.",
                "Да отоплявате с електрически духалка.",
            ],
        },
    },
    "geld-konto": {
        "de": {
            "title": "Geld und Konto",
            "intro": "Mit einem Konto und einem Plan behalten Sie Ihr Geld im Blick.",
            "paragraphs": [
                "Jeder Mensch in Deutschland hat das Recht auf ein Basiskonto bei einer Bank. "
                "Miete, Strom und Handy zahlen Sie am besten vom Konto.",
                "Schreiben Sie auf, was jeden Monat sicher kommt und was sicher weggeht. "
                "Zuerst zahlen Sie Miete, Strom und Versicherungen. Dann planen Sie den Rest.",
                "Unterschreiben Sie keine Verträge an der Haustür oder am Telefon. Haben Sie "
                "Schulden, gehen Sie früh zur Schuldnerberatung. Die Beratung ist kostenlos.",
            ],
            "terms": [
                ("das Basiskonto", "Ein einfaches Bankkonto für alle.", "bank"),
                ("die Überweisung", "Sie schicken Geld von Ihrem Konto an ein anderes.", "arrow"),
                (
                    "die Schuldnerberatung",
                    "Hilfe, wenn Sie Schulden haben. Kostenlos.",
                    "help",
                ),
            ],
            "do": [
                "Kontoauszüge regelmäßig ansehen.",
                "Einen Plan für das Geld im Monat machen.",
                "Bei Schulden früh Hilfe holen.",
            ],
            "dont": [
                "Verträge an der Haustür unterschreiben.",
                "Die PIN aufschreiben oder weitergeben.",
                "Mahnungen ungeöffnet liegen lassen.",
            ],
        },
        "ro": {
            "title": "Bani și cont bancar",
            "intro": "Cu un cont și un plan vă țineți banii sub control.",
            "paragraphs": [
                "Orice om din Germania are dreptul la un cont de bază (Basiskonto) la o bancă. "
                "Chiria, curentul și telefonul le plătiți cel mai bine din cont.",
                "Notați ce bani vin sigur în fiecare lună și ce bani pleacă sigur. Mai întâi "
                "plătiți chiria, curentul și asigurările. Apoi planificați restul.",
                "Nu semnați contracte la ușă sau la telefon. Dacă aveți datorii, mergeți din timp "
                "la consilierea pentru datorii. Consilierea este gratuită.",
            ],
            "meanings": [
                "Un cont bancar simplu pentru toți.",
                "Trimiteți bani din contul dumneavoastră în alt cont.",
                "Ajutor când aveți datorii. Gratuit.",
            ],
            "do": [
                "Verificați regulat extrasele de cont.",
                "Faceți un plan pentru banii din lună.",
                "Cereți ajutor din timp când aveți datorii.",
            ],
            "dont": [
                "Să semnați contracte la ușă.",
                "Să notați PIN-ul sau să-l dați altcuiva.",
                "Să lăsați somațiile de plată nedeschise.",
            ],
        },
        "bg": {
            "title": "Пари и банкова сметка",
            "intro": "Със сметка и план държите парите си под контрол.",
            "paragraphs": [
                "Всеки човек в Германия има право на основна сметка (Basiskonto) в банка. "
                "Наема, тока и телефона най-добре плащайте от сметката.",
                "Запишете какви пари идват със сигурност всеки месец и какви излизат. Първо "
                "платете наема, тока и застраховките. После планирайте останалото.",
                "Не подписвайте договори на вратата или по телефона. Ако имате дългове, отидете "
                "навреме в консултация за длъжници. Консултацията е безплатна.",
            ],
            "meanings": [
                "Обикновена банкова сметка за всички.",
                "Изпращате пари от вашата сметка към друга.",
                "Помощ, когато имате дългове. Безплатна.",
            ],
            "do": [
                "Преглеждайте редовно извлеченията от сметката.",
                "Правете план за парите през месеца.",
                "При дългове търсете помощ навреме.",
            ],
            "dont": [
                "Да подписвате договори на вратата.",
                "Да записвате ПИН кода или да го давате на други.",
                "Да оставяте напомнителните писма неотворени.",
            ],
        },
    },
    "rechte-pflichten": {
        "de": {
            "title": "Rechte und Pflichten",
            "intro": "Als Mieterin oder Mieter haben Sie Rechte. Und Sie haben Pflichten.",
            "paragraphs": [
                "Ist etwas kaputt, zum Beispiel die Heizung, muss der Vermieter es reparieren. "
                "Sagen Sie es ihm schnell, am besten schriftlich. Schäden, die Sie selbst machen, "
                "müssen Sie bezahlen.",
                "Die Wohnung ist Ihr Zuhause. Der Vermieter darf nur nach Absprache hinein. "
                "Er darf Ihnen nicht einfach kündigen.",
                "Ihre Pflichten: Miete pünktlich zahlen, die Wohnung gut behandeln und die "
                "Hausordnung beachten. Fragen Sie vorher, wenn Sie etwas umbauen oder jemand "
                "bei Ihnen einziehen soll. Rat gibt der Mieterverein.",
            ],
            "terms": [
                ("der Mangel", "Etwas in der Wohnung ist kaputt.", "wrench"),
                ("die Mängelanzeige", "Ein Brief an den Vermieter: Das ist kaputt.", "letter"),
                ("der Mieterverein", "Ein Verein, der Mietern Rat gibt.", "help"),
            ],
            "do": [
                "Schäden sofort dem Vermieter melden.",
                "Wichtige Briefe an den Vermieter kopieren.",
                "Vor Umbauten um Erlaubnis fragen.",
            ],
            "dont": [
                "Die Miete einfach kürzen, ohne Rat zu holen.",
                "Schlösser ohne Erlaubnis austauschen.",
                "Die Wohnung ohne Erlaubnis untervermieten.",
            ],
        },
        "ro": {
            "title": "Drepturi și obligații",
            "intro": "Ca chiriaș aveți drepturi. Și aveți obligații.",
            "paragraphs": [
                "Dacă ceva este stricat, de exemplu încălzirea, proprietarul trebuie să repare. "
                "Spuneți-i repede, cel mai bine în scris. Stricăciunile pe care le faceți "
                "dumneavoastră trebuie să le plătiți.",
                "Locuința este casa dumneavoastră. Proprietarul are voie să intre doar după "
                "o înțelegere. Nu vă poate rezilia contractul pur și simplu.",
                "Obligațiile dumneavoastră: plătiți chiria la timp, aveți grijă de locuință și "
                "respectați regulamentul casei. Întrebați înainte dacă vreți să modificați ceva "
                "sau dacă cineva trebuie să se mute la dumneavoastră. Sfaturi dă asociația "
                "chiriașilor (Mieterverein).",
            ],
            "meanings": [
                "Ceva din locuință este stricat.",
                "O scrisoare către proprietar: asta este stricat.",
                "O asociație care dă sfaturi chiriașilor.",
            ],
            "do": [
                "Anunțați imediat proprietarul despre stricăciuni.",
                "Faceți copii ale scrisorilor importante către proprietar.",
                "Cereți permisiunea înainte de modificări.",
            ],
            "dont": [
                "Să reduceți chiria fără să cereți sfatul cuiva.",
                "Să schimbați încuietorile fără permisiune.",
                "Să subînchiriați locuința fără permisiune.",
            ],
        },
        "bg": {
            "title": "Права и задължения",
            "intro": "Като наемател имате права. И имате задължения.",
            "paragraphs": [
                "Ако нещо е повредено, например отоплението, хазяинът трябва да го поправи. "
                "Кажете му бързо, най-добре писмено. Повредите, които сте причинили вие, "
                "трябва да платите.",
                "Жилището е вашият дом. Хазяинът може да влезе само след уговорка. "
                "Той не може просто така да прекрати договора ви.",
                "Вашите задължения: плащайте наема навреме, пазете жилището и спазвайте "
                "домашния правилник. Питайте предварително, ако искате да промените нещо или "
                "някой да се нанесе при вас. Съвети дава сдружението на наемателите "
                "(Mieterverein).",
            ],
            "meanings": [
                "Нещо в жилището е повредено.",
                "Писмо до хазяина: това е повредено.",
                "Сдружение, което дава съвети на наемателите.",
            ],
            "do": [
                "Съобщавайте веднага на хазяина за повреди.",
                "Копирайте важните писма до хазяина.",
                "Питайте за разрешение преди промени.",
            ],
            "dont": [
                "Да намалявате наема, без да потърсите съвет.",
                "Да сменяте ключалките без разрешение.",
                "Да преотдавате жилището без разрешение.",
            ],
        },
    },
    "post-behoerden": {
        "de": {
            "title": "Post und Behörden",
            "intro": "Wichtige Nachrichten kommen in Deutschland oft mit der Post.",
            "paragraphs": [
                "Ihr Name muss am Briefkasten und an der Klingel stehen. Sonst kommt die Post "
                "nicht an. Schauen Sie jeden Tag in den Briefkasten.",
                "In vielen Briefen steht eine Frist. Bis zu diesem Tag müssen Sie antworten "
                "oder etwas tun. Verstehen Sie einen Brief nicht, fragen Sie schnell Ihre "
                "Begleitung oder eine Beratungsstelle.",
                "Heben Sie wichtige Briefe in einem Ordner auf: vom Jobcenter, von der "
                "Familienkasse, vom Vermieter. Zu Terminen bei Behörden nehmen Sie Ihren "
                "Ausweis und den Brief mit.",
            ],
            "terms": [
                ("die Frist", "Bis zu diesem Tag müssen Sie etwas tun.", "calendar"),
                ("der Briefkasten", "Hier kommt Ihre Post an.", "mailbox"),
                ("die Behörde", "Ein Amt, zum Beispiel das Jobcenter.", "office"),
            ],
            "do": [
                "Jeden Tag den Briefkasten leeren.",
                "Fristen im Kalender notieren.",
                "Briefe sortiert in einem Ordner aufheben.",
            ],
            "dont": [
                "Briefe ungeöffnet wegwerfen.",
                "Eine Frist verstreichen lassen.",
                "Ohne Ausweis zu einem Termin gehen.",
            ],
        },
        "ro": {
            "title": "Poșta și autoritățile",
            "intro": "În Germania mesajele importante vin adesea prin poștă.",
            "paragraphs": [
                "Numele dumneavoastră trebuie să fie pe cutia poștală și la sonerie. Altfel "
                "poșta nu ajunge. Uitați-vă în fiecare zi în cutia poștală.",
                "În multe scrisori este un termen (Frist). Până în ziua aceea trebuie să "
                "răspundeți sau să faceți ceva. Dacă nu înțelegeți o scrisoare, întrebați repede "
                "persoana care vă însoțește sau un centru de consiliere.",
                "Păstrați scrisorile importante într-un dosar: de la Jobcenter, de la "
                "Familienkasse, de la proprietar. La programările la autorități luați cu "
                "dumneavoastră actul de identitate și scrisoarea.",
            ],
            "meanings": [
                "Până în ziua aceasta trebuie să faceți ceva.",
                "Aici ajunge poșta dumneavoastră.",
                "O instituție, de exemplu Jobcenter.",
            ],
            "do": [
                "Goliți cutia poștală în fiecare zi.",
                "Notați termenele în calendar.",
                "Păstrați scrisorile sortate într-un dosar.",
            ],
            "dont": [
                "Să aruncați scrisorile nedeschise.",
                "Să lăsați un termen să treacă.",
                "Să mergeți la o programare fără act de identitate.",
            ],
        },
        "bg": {
            "title": "Поща и институции",
            "intro": "В Германия важните съобщения често идват по пощата.",
            "paragraphs": [
                "Името ви трябва да е на пощенската кутия и на звънеца. Иначе пощата не "
                "пристига. Поглеждайте в пощенската кутия всеки ден.",
                "В много писма има срок (Frist). До този ден трябва да отговорите или да "
                "направите нещо. Ако не разбирате писмо, питайте бързо човека, който ви "
                "придружава, или консултантски център.",
                "Пазете важните писма в папка: от Jobcenter, от Familienkasse, от хазяина. "
                "За срещи в институции носете личната си карта и писмото.",
            ],
            "meanings": [
                "До този ден трябва да направите нещо.",
                "Тук пристига вашата поща.",
                "Институция, например Jobcenter.",
            ],
            "do": [
                "Изпразвайте пощенската кутия всеки ден.",
                "Записвайте сроковете в календара.",
                "Пазете писмата подредени в папка.",
            ],
            "dont": [
                "Да изхвърляте писма неотворени.",
                "Да пропускате срок.",
                "Да ходите на среща без лична карта.",
            ],
        },
    },
}

LANDLORD = {
    "title": "Für Vermieterinnen und Vermieter",
    "intro": (
        "Sie vermieten Wohnungen und suchen zuverlässige Mieterinnen und Mieter? "
        "Mit der Kooperationsvereinbarung „Wohnen“ arbeiten wir zusammen."
    ),
    "body": (
        "<h2>Was die Kooperationsvereinbarung bietet</h2>"
        "<ul>"
        "<li>Wir schlagen Ihnen Mietinteressenten vor, die den Mietführerschein bestanden "
        "haben und das Integrationszertifikat Wohnen besitzen.</li>"
        "<li>Die Haushalte werden von unserem Team „Klartext“ zu Hause begleitet – für Sie "
        "kostenlos, auch in der Sprache der Familie.</li>"
        "<li>Sie haben für das ganze Mietverhältnis eine feste Ansprechperson. Bei Fragen oder "
        "Problemen melden Sie sich direkt bei ihr.</li>"
        "</ul>"
        "<p>Die Vereinbarung ist kostenlos und kann jederzeit beendet werden.</p>"
    ),
    "verify_text": (
        "Auf jedem Integrationszertifikat Wohnen steht ein QR-Code. Scannen Sie ihn mit dem "
        "Handy oder geben Sie die Adresse darunter ein. Die Seite zeigt, ob das Zertifikat echt "
        "und gültig ist. Vergleichen Sie den Namen mit dem Ausweis der Person."
    ),
    "contact_name": "Quartiersmanagement (Demo-Stadt), Team Wohnen",
    "contact_phone": "+49 30 23125 100",
    "contact_email": "wohnen@example.org",
    "contact_hours": "Montag bis Donnerstag 9 bis 15 Uhr",
}

# A page that belongs to no curriculum module.
FLAT_SEARCH = {
    "de": {
        "title": "Wohnungssuche",
        "intro": "So finden Sie eine Wohnung und bewerben sich richtig.",
        "paragraphs": [
            "Wohnungen finden Sie in der Zeitung, im Internet und bei Wohnungsgesellschaften. "
            "Fragen Sie auch Freunde und Nachbarn.",
            "Zu einer Besichtigung kommen Sie pünktlich. Bringen Sie Ihre Unterlagen mit: "
            "Ausweis, Einkommensnachweis und das Integrationszertifikat Wohnen.",
        ],
        "terms": [
            ("die Besichtigung", "Sie sehen sich die Wohnung vor dem Mieten an.", "house"),
            ("die Kaution", "Geld für den Vermieter als Sicherheit.", "coin"),
        ],
    },
    "ro": {
        "title": "Căutarea unei locuințe",
        "intro": "Așa găsiți o locuință și vă prezentați corect.",
        "paragraphs": [
            "Locuințe găsiți în ziar, pe internet și la societățile de locuințe. "
            "Întrebați și prietenii și vecinii.",
            "La vizionare veniți la timp. Aduceți documentele: buletinul, dovada "
            "veniturilor și Integrationszertifikat Wohnen.",
        ],
        "meanings": [
            "Vedeți locuința înainte de a o închiria.",
            "Bani pentru proprietar, ca garanție.",
        ],
    },
    "ar": {
        "title": "البحث عن شقة",
        "intro": "هكذا تجد شقة وتتقدم لها بشكل صحيح.",
        "paragraphs": [
            "تجد الشقق في الجريدة وعلى الإنترنت وعند شركات السكن. اسأل أيضًا الأصدقاء والجيران.",
            "تعال إلى المعاينة في الموعد. أحضر أوراقك: الهوية وإثبات الدخل وشهادة "
            "Integrationszertifikat Wohnen.",
        ],
        "meanings": [
            "تشاهد الشقة قبل استئجارها.",
            "مال للمؤجر كضمان.",
        ],
    },
}

GLOSSARY = {
    "de": {
        "title": "Wörterbuch",
        "intro": "Alle wichtigen Wörter aus den Modulen, mit Bild und zum Anhören.",
    },
    "ro": {
        "title": "Dicționar",
        "intro": "Toate cuvintele importante din module, cu imagine și pentru ascultat.",
    },
    "bg": {
        "title": "Речник",
        "intro": "Всички важни думи от модулите, със снимка и за слушане.",
    },
    "ar": {
        "title": "قاموس",
        "intro": "كل الكلمات المهمة من الوحدات، مع صورة وللاستماع.",
    },
}

# Invented advice centres (no real addresses or numbers).
ADVICE_CENTRES = [
    {
        "de": {
            "name": "Quartiersbüro Altenhagen",
            "opening_hours": "Mo–Do 9–12 Uhr\nDi 14–17 Uhr",
            "note": "Wir sprechen Deutsch, Rumänisch und Arabisch.",
        },
        "ro": {
            "name": "Biroul de cartier Altenhagen",
            "opening_hours": "Lu–Jo 9–12\nMa 14–17",
            "note": "Vorbim germană, română și arabă.",
        },
        "bg": {
            "name": "Квартален офис Алтенхаген",
            "opening_hours": "Пн–Чт 9–12 ч.\nВт 14–17 ч.",
            "note": "Говорим немски, румънски и арабски.",
        },
        "ar": {
            "name": "مكتب الحي ألتنهاغن",
            "opening_hours": "الاثنين–الخميس 9–12\nالثلاثاء 14–17",
            "note": "نتحدث الألمانية والرومانية والعربية.",
        },
        "district": "Altenhagen",
        "address": "Beispielstraße 12\n58000 Demo-Stadt",
        "phone": "02331 000 100",
        "messenger": "whatsapp",
        "messenger_url": "https://wa.me/492331000100",
    },
    {
        "de": {
            "name": "Beratung Wohnen Wehringhausen",
            "opening_hours": "Mi 10–16 Uhr\nFr 9–12 Uhr",
            "note": "Wir sprechen Deutsch, Bulgarisch und Türkisch.",
        },
        "ro": {
            "name": "Consiliere locuință Wehringhausen",
            "opening_hours": "Mi 10–16\nVi 9–12",
            "note": "Vorbim germană, bulgară și turcă.",
        },
        "bg": {
            "name": "Консултации за жилище Веринхаузен",
            "opening_hours": "Ср 10–16 ч.\nПт 9–12 ч.",
            "note": "Говорим немски, български и турски.",
        },
        "ar": {
            "name": "استشارات السكن فيرينغهاوزن",
            "opening_hours": "الأربعاء 10–16\nالجمعة 9–12",
            "note": "نتحدث الألمانية والبلغارية والتركية.",
        },
        "district": "Wehringhausen",
        "address": "Musterweg 3\n58000 Demo-Stadt",
        "phone": "02331 000 200",
        "messenger": "signal",
        "messenger_url": "https://signal.me/#p/+492331000200",
    },
]
