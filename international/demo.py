from courtadmin.documents.demo import demo_document


def load_demo_documents(people) -> str:
    officer = people["ir_officer"].user
    demo_document(
        author=officer,
        kind="ir.outgoing_letter",
        subject="Халықаралық семинарға қатысу туралы / Об участии в международном семинаре",
        addressee="Министерство иностранных дел Республики Казахстан",
        texts={
            "kk": "Сот әкімшілігі судьялардың халықаралық семинарға қатысуы туралы ақпаратты жолдайды.",
            "ru": "Судебная администрация направляет информацию об участии судей в международном семинаре.",
        },
        state="signed",
        signer=people["ir_head"].user,
    )
    demo_document(
        author=officer,
        kind="ir.report_to_chairman",
        subject="Халықаралық ынтымақтастық туралы тоқсандық есеп / Квартальный отчет о международном сотрудничестве",
        addressee="Председателю Верховного Суда Республики Казахстан",
        texts={"kk": "Тоқсан ішінде атқарылған жұмыс туралы есеп.", "ru": "Отчет о работе, проделанной за квартал."},
        state="approved",
    )
    demo_document(
        author=officer,
        kind="ir.rogatory_cover_letter",
        subject="Сот тапсырмасына ілеспе хат / Сопроводительное письмо к судебному поручению",
        addressee="Central Authority of the requested State",
        texts={
            "kk": "Қоса беріліп отырған сот тапсырмасын орындауды сұраймыз.",
            "ru": "Просим исполнить прилагаемое судебное поручение.",
            "en": "We kindly request the execution of the enclosed letter rogatory.",
        },
        state="approved",
    )
    return "IR documents: one signed letter; a report awaiting ir_head; a cover letter awaiting ir_deputy_legal."
