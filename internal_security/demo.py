"""Demo records of the ISD: complaints registered through the services in every state, in
several regions, assigned so that `isd_officer` and `isd_officer2` each see different ones and
`isd_almaty` sees Almaty's."""

from datetime import date

from courtadmin.org.models import Region

from .models import Complaint

# (received, region code, court, summary, substance, applicant, officer, state)
# applicant: (kind, name, IIN or BIN first eleven digits, address) or None for an anonymous appeal.
COMPLAINTS = [
    (
        date(2026, 10, 5),
        "astana",
        "Астана қаласы Сарыарқа аудандық соты",
        "Сот отырысының хатшысы іс материалдарымен танысу үшін ақы сұраған",
        "Өтініш беруші хатшы іс материалдарымен танысуды тездету үшін ақша сұрады деп көрсетеді.",
        ("individual", "Омаров Ерлан Серікұлы", "85030230011", "Астана қ., Сарыарқа д-лы, 5, 12-пәтер"),
        "isd_officer",
        "answered",
    ),
    (
        date(2026, 10, 12),
        "almaty",
        "Алматы қаласы Алмалы аудандық соты",
        "Судья көмекшісінің іске ықпал етуге уәде беруі",
        "Өтініш беруші судья көмекшісі шешімге ықпал етуге уәде берді деп хабарлайды.",
        ("individual", "Ким Ольга Викторовна", "90071540022", "Алматы қ., Абай д-лы, 44"),
        "isd_officer2",
        "decided",
    ),
    (
        date(2026, 10, 20),
        "karaganda",
        "Қарағанды облыстық соты",
        "Сот орындаушысының заңсыз сыйақы алуы туралы хабарлама",
        "Хабарлама сот приставына берілген сыйақы туралы.",
        ("legal_entity", "ТОО «Сарыарқа Құрылыс»", "18034001234", "Қарағанды қ., Бұқар жырау д-лы, 30"),
        "isd_officer",
        "in_work",
    ),
    (
        date(2026, 11, 2),
        "almaty",
        "Алматы қалалық соты",
        "Кеңсе қызметкерінің құжаттарды кідіртуі",
        "Өтініш беруші кеңсе қызметкері құжаттарды әдейі кідіртті деп көрсетеді.",
        ("individual", "Петров Сергей Иванович", "78112030033", "Алматы қ., Төле би к-сі, 100"),
        "isd_officer2",
        "in_work",
    ),
    (
        date(2026, 11, 9),
        "shymkent",
        "Шымкент қалалық соты",
        "Мүдделер қақтығысы туралы өтініш",
        "Судья тарапқа туыстық қатынаста болуы мүмкін деген өтініш.",
        ("individual", "Жұмабаева Айгүл", "95020550044", "Шымкент қ., Тәуке хан д-лы, 7"),
        None,
        "forwarded",
    ),
    (
        date(2026, 11, 16),
        "pavlodar",
        "Павлодар облыстық соты",
        "Сатып алу рәсімдеріне қатысты өтініш",
        "Күзет жабдығын сатып алу кезіндегі бұзушылықтар туралы өтініш.",
        ("individual", "Байжанов Марат", "88090960055", "Павлодар қ., Торайғыров к-сі, 15"),
        None,
        "registered",
    ),
    (
        date(2026, 11, 17),
        "astana",
        "Астана қалалық соты",
        "Қолтаңбасыз хат: сот орындаушысы туралы",
        "Қолтаңбасыз хат, мекенжайы жоқ.",
        None,
        None,
        "not_considered",
    ),
    (
        date(2026, 11, 18),
        "turkistan",
        "Түркістан облыстық соты",
        "Қолтаңбасыз хабарлама: пара беру дайындалуда",
        "Хабарламада ертеңгі сот отырысы алдында пара беру дайындалып жатқаны айтылады.",
        None,
        None,
        "sent_on",
    ),
]


def load_demo_complaints(people) -> str:
    """Complaints registered through the services in every state (ISD 6.23): each assigned
    officer sees his own; the head sees them all. Today's reminders are made and sent, so the
    bell has something to show on a working day."""
    from datetime import datetime, time

    from django.utils import timezone

    from courtadmin.core.validators import iin_bin_check_digit
    from courtadmin.deadlines import services as deadlines
    from courtadmin.deadlines.calendar import ALMATY
    from courtadmin.documents import services as documents
    from courtadmin.documents.demo import load_demo_signing
    from courtadmin.documents.workflow import SigningConfirmation

    from .services import complaints as services
    from .workflow import complaint_move

    if Complaint.objects.exists():
        return "ISD: complaints already in the demo."
    load_demo_signing(people)  # the ISD head signs an answer below
    head, registrar = people["isd_head"].user, people["isd_officer"].user
    for received, region, court, summary, substance, applicant, officer, state in COMPLAINTS:
        kind, name, first_eleven, address = applicant or ("anonymous", "", "", "")
        complaint = services.complaint_register(
            actor=registrar,
            complaint=Complaint(
                received_at=datetime.combine(received, time(10, 30), tzinfo=ALMATY),
                channel=Complaint.Channel.E_OTINISH if applicant else Complaint.Channel.POST,
                applicant_kind=kind,
                applicant_name=name,
                applicant_identifier=first_eleven + str(iin_bin_check_digit(first_eleven)) if first_eleven else "",
                applicant_address=address,
                language="kk",
                region=Region.objects.get(code=region),
                court=court,
                summary=summary,
                substance=substance,
                crime_reported=state == "sent_on",
            ),
        )
        if officer:
            services.complaint_assign(actor=head, complaint=complaint, officers=[people[officer].user])
        worker = people[officer].user if officer else head
        if state == "forwarded":
            complaint_move(complaint=complaint, move="forward", actor=head, forwarded_to="Бас прокуратура")
        elif state == "not_considered":
            complaint_move(complaint=complaint, move="leave", actor=head, reason="Аноним өтініш (ӘРПК)")
        elif state == "sent_on":
            complaint_move(
                complaint=complaint,
                move="send_on",
                actor=head,
                forwarded_to="Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі",
            )
        elif state in ("decided", "answered"):
            complaint_move(
                complaint=complaint, move="decide", actor=worker, decision="not_confirmed", reason="Фактілер расталмады"
            )
        if state == "answered":
            answer = services.complaint_answer_prepare(actor=worker, complaint=complaint)
            documents.document_act(document=answer, move="submit", actor=worker)  # no visa: it names the applicant
            confirmation = SigningConfirmation(user_id=head.pk, at=timezone.now())
            documents.document_sign_confirmed(document=answer, actor=head, confirmation=confirmation)
            complaint_move(complaint=complaint, move="answer", actor=worker)
    deadlines.reminders_scan()
    deadlines.reminders_send()
    return (
        f"ISD: {len(COMPLAINTS)} complaints in every state with their АППК terms; "
        "isd_officer and isd_officer2 hold different ones."
    )


def load_demo_investigations(people) -> str:
    """Two investigations ordered by the Chairman (ISD 6.21): one under way with isd_officer2
    on its team, a judge's interview on file and a personal-file request awaiting the
    Chairman; one concluded with its conclusion signed by the ISD head."""
    from datetime import timedelta

    from django.utils import timezone

    from courtadmin.documents import services as documents
    from courtadmin.documents.demo import load_demo_signing
    from courtadmin.documents.workflow import SigningConfirmation

    from .models import InvestigatedPerson, Investigation, JudgeInterview
    from .services import investigations as services
    from .workflow import investigation_conclude

    if Investigation.objects.exists():
        return "ISD: investigations already in the demo."
    load_demo_signing(people)
    head, deputy = people["isd_head"].user, people["isd_deputy"].user
    today = timezone.localdate()
    opened = []
    for region, subject, person, officer, days_ago in (
        ("almaty", "Судья көмекшісінің іске ықпал етуге уәде беруі", "Судья көмекшісі Д.", "isd_officer2", 20),
        ("astana", "Хатшының іс материалдары үшін ақы сұрауы", "Сот отырысының хатшысы Е.", "isd_officer", 45),
    ):
        investigation = services.investigation_open(
            actor=head,
            investigation=Investigation(
                basis=Investigation.Basis.MISCONDUCT,
                instructed_by=people["chairman"],
                instruction_number=f"{days_ago}-т",
                instruction_date=today - timedelta(days=days_ago),
                region=Region.objects.get(code=region),
                subject=subject,
                plan="1. Түсініктемелер алу. 2. Құжаттарды зерделеу. 3. Қорытынды.",
                due_on=today + timedelta(days=30 - days_ago // 2),
            ),
            persons=[InvestigatedPerson(name=person, role=InvestigatedPerson.Role.STAFF, position=subject[:60])],
            complaints=Complaint.objects.filter(region__code=region)[:1],
        )
        services.investigation_team_add(actor=head, investigation=investigation, officers=[people[officer].user])
        opened.append((investigation, people[officer].user))
    under_way, worker = opened[0]
    services.interview_record(
        actor=worker,
        investigation=under_way,
        interview=JudgeInterview(
            judge="Судья Ж.",
            permission="Төрағаның нұсқауы, 20-т",
            consent_on=today - timedelta(days=3),
            held_on=today - timedelta(days=2),
            record="Судья көмекшісінің әрекеттері туралы білмегенін мәлімдеді.",
        ),
    )
    services.personal_file_request(
        actor=worker, investigation=under_way, person="Судья көмекшісі Д.", reason="Қызметтік тексеру үшін"
    )
    done, worker = opened[1]
    conclusion = services.conclusion_prepare(actor=worker, investigation=done)
    documents.document_act(document=conclusion, move="submit", actor=worker)
    documents.document_act(document=conclusion, move="approve", actor=deputy)
    documents.document_sign_confirmed(
        document=conclusion, actor=head, confirmation=SigningConfirmation(user_id=head.pk, at=timezone.now())
    )
    investigation_conclude(investigation=done, actor=worker, outcome=Investigation.Outcome.DISCIPLINARY)
    return "ISD: two investigations, one under way (isd_officer2's team), one concluded (isd_officer's)."


def load_demo_criminal_cases(people) -> str:
    """The registry of criminal cases (ISD 6.16): two entered by the Almaty ISD unit, one of
    Shymkent's carried over from the paper register, so that isd_almaty sees Almaty's only."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import CriminalCase
    from .services.cases import criminal_case_save
    from .services.signals import signal_save
    from .workflow import case_move

    if CriminalCase.objects.exists():
        return "ISD: criminal cases already in the demo."
    today = timezone.localdate()
    almaty, head = people["isd_almaty"].user, people["isd_head"].user
    agency = "Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі"
    common = {"person_role": "staff", "investigating_body": agency}

    def entered(actor, opening, **fields):
        return criminal_case_save(actor=actor, case=CriminalCase(**common, **fields), opening_decision=opening)

    bailiff = entered(
        almaty,
        "СДТБ № 267500031000125, " + f"{today - timedelta(days=120):%d.%m.%Y}",
        person="Сот приставы К.",
        position="сот приставы",
        court="Алматы қаласы Алмалы аудандық соты",
        article="366-бап 2-бөлік",
        opened_on=today - timedelta(days=120),
    )
    case_move(
        case=bailiff,
        move="to_court",
        actor=almaty,
        decided_on=today - timedelta(days=40),
        authority="Алматы қаласының прокуратурасы",
        decision="Айыптау актісі бекітілді, іс сотқа жіберілді",
    )
    entered(
        almaty,
        "СДТБ № 267500031000388, " + f"{today - timedelta(days=30):%d.%m.%Y}",
        person="Кеңсе меңгерушісі М.",
        position="кеңсе меңгерушісі",
        court="Алматы қалалық соты",
        article="367-бап 1-бөлік",
        opened_on=today - timedelta(days=30),
    )
    # Carried over by the central ISD from Shymkent's paper register.
    assistant = entered(
        head,
        "СДТБ № 265100031000042, " + f"{today - timedelta(days=400):%d.%m.%Y}",
        person="Судья көмекшісі Н.",
        position="судья көмекшісі",
        court="Шымкент қалалық соты",
        region=Region.objects.get(code="shymkent"),
        article="366-бап 1-бөлік",
        opened_on=today - timedelta(days=400),
    )
    for move, days, authority, decision, outcome in (
        ("to_court", 300, "Шымкент қаласының прокуратурасы", "Іс сотқа жіберілді", ""),
        ("verdict", 200, "Шымкент қалалық соты", "Айыптау үкімі", CriminalCase.Outcome.CONVICTED),
    ):
        case_move(
            case=assistant,
            move=move,
            actor=head,
            decided_on=today - timedelta(days=days),
            authority=authority,
            decision=decision,
            outcome=outcome,
        )
    from .models import CorruptionSignal

    for source, person, court, region, substance in (
        (
            CorruptionSignal.Source.MEDIA,
            "Сот приставы К.",
            "Алматы қаласы Алмалы аудандық соты",
            "almaty",
            "Әлеуметтік желідегі жарияланым: пристав қызметі үшін ақы алады деген.",
        ),
        (
            CorruptionSignal.Source.STATE_BODY,
            "",
            "Астана қаласы Сарыарқа аудандық соты",
            "astana",
            "Прокуратураның хаты: кеңседегі кезек үшін ақы алу туралы.",
        ),
    ):
        signal_save(
            actor=people["isd_head"].user,
            signal=CorruptionSignal(
                source=source,
                received_on=today - timedelta(days=15),
                person=person,
                court=court,
                region=Region.objects.get(code=region),
                substance=substance,
            ),
        )
    return "ISD: three criminal cases, two in Almaty (isd_almaty's) and one in Shymkent; two signals on corruption."


def load_demo_documents(people) -> str:
    from courtadmin.documents.demo import demo_document

    officer = people["isd_officer"].user
    demo_document(
        author=officer,
        kind="isd.memo_to_subdivision",
        subject="Өтініштерді тіркеу тәртібі туралы / О порядке регистрации обращений",
        addressee="Территориальные подразделения Судебной администрации",
        texts={
            "kk": "Сыбайлас жемқорлық туралы өтініштерді келіп түскен күні тіркеу қажет.",
            "ru": "Обращения о коррупции регистрируются в день поступления.",
        },
        state="signed",
        signer=people["isd_head"].user,
    )
    demo_document(
        author=officer,
        kind="isd.complainant_answer",
        subject="Өтінішке жауап / Ответ заявителю",
        addressee="Заявителю",
        texts={
            "kk": "Сіздің өтінішіңіз қаралды, фактілер расталмады.",
            "ru": "Ваше обращение рассмотрено, факты не подтвердились.",
        },
        state="approved",
    )
    return "ISD documents: one signed memo; an answer to a complainant awaiting isd_head."


def load_demo_notices(people) -> str:
    """ISD 13: the personnel office's notice of a disciplinary decision on an Almaty ISD
    officer, with its material, sent to the ISD head, whose position is awaited."""
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from .models import StaffNotice
    from .services.notices import notice_file, notice_material_add
    from .workflow import notice_move

    if StaffNotice.objects.exists():
        return "ISD: notices under ISD 13 already in the demo."
    keeper = people["hr_keeper"].user
    notice = notice_file(
        actor=keeper,
        notice=StaffNotice(
            region=Region.objects.get(code="almaty"),
            person="Ерлан Бекұлы Сейітов",
            role=StaffNotice.Role.STAFF,
            measure=StaffNotice.Measure.DISCIPLINARY,
            grounds="Қызметтік тексеру қорытындысы: өтініштерді тіркеу мерзімі бұзылған.",
            deciding_body="Сот әкімшілігінің басшысы",
        ),
    )
    upload = ContentFile(b"%PDF-1.7\n%%EOF\n", name="qyzmettik-tekseru.pdf")
    notice_material_add(actor=keeper, notice=notice, upload=upload)
    notice_move(notice=notice, move="notify", actor=keeper, due_on=timezone.localdate() + timedelta(days=7))
    return "ISD: one notice under ISD 13, the ISD head's position awaited (hr_keeper filed it)."


def load_demo_plans(people) -> str:
    """ISD 7, 9, 14: the year's central plan on the leadership's priorities, approved by the
    ISD head's signed document, one item in each quarter; the Almaty unit's plan being drawn
    up (isd_almaty's)."""
    from django.utils import timezone

    from courtadmin.documents import services as documents
    from courtadmin.documents.workflow import SigningConfirmation

    from .models import PlanItem, WorkPlan
    from .services.plans import plan_document_prepare, plan_draw_up, plan_item_add
    from .workflow import plan_item_move, plan_move

    if WorkPlan.objects.exists():
        return "ISD: work plans already in the demo."
    today = timezone.localdate()
    year = today.year
    head, officer, almaty = people["isd_head"].user, people["isd_officer"].user, people["isd_almaty"].user
    plan = plan_draw_up(
        actor=officer,
        plan=WorkPlan(
            year=year,
            basis="Төрағаның және Сот әкімшілігі басшысының басымдықтары: сыбайлас жемқорлық тәуекелдерін азайту, "
            "сот ғимараттарының қауіпсіздігі.",
        ),
    )
    items = [
        ("6.13", "Аумақтық бөлімшелердегі сыбайлас жемқорлық тәуекелдеріне талдау", "isd_officer", date(year, 3, 20)),
        ("6.5", "Сот ғимараттарының қауіпсіздігін тексеру кестесі", "isd_officer2", date(year, 6, 15)),
        ("6.18", "Аумақтық ІҚБ бөлімшелерімен әдістемелік кеңес", "isd_deputy", date(year, 9, 10)),
        ("6.12", "Сыбайлас жемқорлыққа қарсы бағдарламаның орындалуы туралы есеп", "isd_officer", date(year, 12, 15)),
    ]
    added = [
        plan_item_add(
            actor=officer,
            plan=plan,
            item=PlanItem(function=function, title=title, executor=people[executor], due_on=due_on),
        )
        for function, title, executor, due_on in items
    ]
    document = plan_document_prepare(actor=officer, plan=plan)
    documents.document_act(document=document, move="submit", actor=officer)
    documents.document_sign_confirmed(
        document=document, actor=head, confirmation=SigningConfirmation(user_id=head.pk, at=timezone.now())
    )
    plan_move(plan=plan, move="approve", actor=head)
    # The first two items, once their terms are past, reported: the first in term, the second
    # late; the third is left open past its term, the fourth is still to come.
    for item, done_on in ((added[0], added[0].due_on), (added[1], min(today, added[1].due_on.replace(day=28)))):
        if item.due_on < today:
            plan_item_move(item=item, move="report", actor=head, result="Орындалды, анықтама ұсынылды.", on=done_on)
    plan_draw_up(
        actor=almaty,
        plan=WorkPlan(year=year, basis="ІҚБ бекіткен басымдықтар бойынша Алматы бөлімшесінің жұмысы."),
    )
    return "ISD: the year's work plan approved by isd_head, items reported by quarter; Almaty's plan being drawn up."


def load_demo_inspections(people) -> str:
    """ISD 5.10, 6.10, 6.18: the Almaty unit's inspection of a district court's office, held
    a month ago, its two recommendations under control (one done, one still to be done); the
    central ISD's inspection in Shymkent planned for next month."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import Inspection, Recommendation
    from .services.inspections import inspection_plan, recommendation_add
    from .workflow import inspection_move, recommendation_move

    if Inspection.objects.exists():
        return "ISD: inspections already in the demo."
    today = timezone.localdate()
    almaty = people["isd_almaty"].user
    held = inspection_plan(
        actor=almaty,
        inspection=Inspection(
            region=Region.objects.get(code="almaty"),
            subdivision="Алматы қаласы Медеу аудандық сотының кеңсесі",
            programme="Сыбайлас жемқорлыққа қарсы іс-шаралардың орындалуы; өтініштерді тіркеу тәртібі.",
            starts_on=today - timedelta(days=35),
            ends_on=today - timedelta(days=31),
            led_by=people["isd_almaty"],
        ),
    )
    inspection_move(
        inspection=held, move="hold", actor=almaty, findings="Өтініштерді тіркеу мерзімі екі жағдайда бұзылған."
    )
    for text, days in (("Өтініштерді тіркеу журналын жүргізу тәртібін бекіту", 20), ("Қызметкерлерге оқу өткізу", 40)):
        recommendation_add(
            actor=almaty,
            inspection=held,
            recommendation=Recommendation(
                text=text, responsible="Кеңсе меңгерушісі", due_on=today + timedelta(days=days)
            ),
        )
    first = held.recommendations.order_by("due_on").first()
    recommendation_move(recommendation=first, move="report", actor=almaty, result="Тәртіп бекітілді.", on=today)
    inspection_plan(
        actor=people["isd_officer"].user,
        inspection=Inspection(
            region=Region.objects.get(code="shymkent"),
            subdivision="Шымкент қаласы соттарының кеңсесі",
            programme="Мемлекеттік сатып алудағы сыбайлас жемқорлыққа қарсы бақылау.",
            starts_on=today + timedelta(days=30),
            ends_on=today + timedelta(days=34),
            led_by=people["isd_officer"],
        ),
    )
    return "ISD: two inspections, Almaty's held with a recommendation done and one under control, Shymkent's planned."


def load_demo_reports(people) -> str:
    """ISD 5.12: a quarterly form of report; the units called for the last quarter (Almaty's
    sent and accepted) and for this one (awaited)."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import ReportingForm
    from .services.reports import period_of, reporting_form_add, reports_call
    from .workflow import report_move

    if ReportingForm.objects.exists():
        return "ISD: the units' reports already in the demo."
    head = people["isd_head"].user
    form = reporting_form_add(
        actor=head,
        form=ReportingForm(
            code="ІҚБ-1",
            title="Сыбайлас жемқорлыққа қарсы жұмыс туралы тоқсандық есеп",
            period=ReportingForm.Period.QUARTER,
            days_after=10,
        ),
    )
    this_quarter, _end = period_of(form.period, timezone.localdate())
    last = reports_call(actor=head, form=form, day=this_quarter - timedelta(days=1))
    for report in last:
        if report.region.code == "almaty":
            almaty = people["isd_almaty"].user
            report_move(
                report=report, move="submit", actor=almaty, text="Тоқсан ішінде 4 профилактикалық іс-шара өткізілді."
            )
            report_move(report=report, move="accept", actor=head)
    reports_call(actor=head, form=form, day=timezone.localdate())
    return "ISD: a quarterly form of report; last quarter's reports called (Almaty's accepted), this quarter's awaited."


def load_demo_evaluations(people) -> str:
    """ISD 9: the ISD head's evaluation of the Almaty unit's head for last year, on the report he
    heard, with a proposal of reward."""
    from datetime import date

    from django.utils import timezone

    from .models import HeadEvaluation
    from .services.evaluations import evaluation_record

    if HeadEvaluation.objects.exists():
        return "ISD: evaluations already in the demo."
    year = timezone.localdate().year - 1
    evaluation_record(
        actor=people["isd_head"].user,
        evaluation=HeadEvaluation(
            region=Region.objects.get(code="almaty"),
            head="Ерлан Маратұлы Жақсылықов",
            year=year,
            heard_on=min(date(year + 1, 1, 20), timezone.localdate()),
            report="Жыл ішінде 12 тексеру өткізілді, 3 ұсыным орындалды.",
            assessment=HeadEvaluation.Assessment.MEETS,
            proposal=HeadEvaluation.Proposal.REWARD,
            proposal_text="Алғыс хатпен марапаттау ұсынылады.",
        ),
    )
    return "ISD: the Almaty unit's head evaluated for last year, a reward proposed (isd_head)."


def load_demo_meetings(people) -> str:
    """ISD 5.11, 5.13: a seminar with every unit held a fortnight ago with its minutes, and
    methodological help to the Almaty unit planned for next week."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import UnitMeeting
    from .services.meetings import meeting_plan
    from .workflow import meeting_move

    if UnitMeeting.objects.exists():
        return "ISD: meetings already in the demo."
    officer = people["isd_officer"].user
    today = timezone.localdate()
    seminar = meeting_plan(
        actor=officer,
        meeting=UnitMeeting(
            kind=UnitMeeting.Kind.SEMINAR,
            topic="Сыбайлас жемқорлық тәуекелдерін талдау әдістемесі",
            held_on=today - timedelta(days=14),
            place="Бейнеконференция",
        ),
    )
    meeting_move(
        meeting=seminar,
        move="hold",
        actor=officer,
        minutes="Барлық аумақтық бөлімшелер қатысты. Шешім: тәуекелдер картасын тоқсан сайын жаңарту.",
    )
    meeting_plan(
        actor=officer,
        meeting=UnitMeeting(
            kind=UnitMeeting.Kind.HELP,
            topic="Өтініштерді тіркеу журналын жүргізу",
            held_on=today + timedelta(days=7),
            place="Алматы",
        ),
        regions=[Region.objects.get(code="almaty")],
    )
    return "ISD: a seminar with every unit held with its minutes; methodological help to Almaty planned."


def load_demo_regulations(people) -> str:
    """ISD 9: the Almaty unit's regulations sent for agreement, returned by the ISD head with
    the reason, awaiting the reworked text."""
    from .models import UnitRegulation
    from .services.regulations import regulation_submit
    from .workflow import regulation_move

    if UnitRegulation.objects.exists():
        return "ISD: the units' regulations already in the demo."
    regulation = regulation_submit(
        actor=people["isd_almaty"].user,
        regulation=UnitRegulation(
            title="Алматы қаласы бойынша ІҚБ бөлімшесі туралы ереже",
            text="1. Бөлімше сот жүйесіндегі сыбайлас жемқорлықтың алдын алу жөніндегі жұмысты жүргізеді.",
        ),
    )
    regulation_move(
        regulation=regulation,
        move="return",
        actor=people["isd_head"].user,
        reason="Ішкі қауіпсіздік функцияларын ІҚБ ережесінің 6-тармағына сәйкес толықтырыңыз.",
    )
    return "ISD: the Almaty unit's regulations returned by isd_head for rework."


def load_demo_vetting(people) -> str:
    """ISD 5.4, 5.8: a candidate for a judge's position in Almaty being vetted by isd_officer,
    with what Е-кадрлар showed recorded and information on corruption about him on record,
    so that the registries' search finds it."""
    from datetime import timedelta

    from django.utils import timezone

    from courtadmin.core.validators import iin_bin_check_digit

    from .models import CorruptionSignal, VettingCheck, VettingRequest
    from .services.signals import signal_save
    from .services.vetting import vetting_check_add, vetting_register

    if VettingRequest.objects.exists():
        return "ISD: vetting already in the demo."
    today = timezone.localdate()
    officer = people["isd_officer"].user
    candidate = "Қайратов Қанат Серікұлы"
    almaty = Region.objects.get(code="almaty")
    vetting = vetting_register(
        actor=people["isd_head"].user,
        vetting=VettingRequest(
            candidate=candidate,
            candidate_iin="850312300" + "41" + str(iin_bin_check_digit("85031230041")),
            post_kind=VettingRequest.Post.JUDGE,
            post="Алматы қаласы Медеу аудандық сотының судьясы",
            region=almaty,
            requested_by="Жоғары Сот Кеңесі, хат № 01-15/412",
            received_on=today - timedelta(days=3),
            due_on=today + timedelta(days=11),
        ),
        officers=[officer],
    )
    vetting_check_add(
        actor=officer,
        vetting=vetting,
        check=VettingCheck(
            resource=VettingCheck.Resource.E_PERSONNEL,
            checked_on=today - timedelta(days=1),
            result="2015 жылдан бері сот жүйесінде; тәртіптік жазалар жоқ.",
        ),
    )
    signal_save(
        actor=officer,
        signal=CorruptionSignal(
            source=CorruptionSignal.Source.HOTLINE,
            received_on=today - timedelta(days=40),
            person=candidate,
            court="Алматы қаласы мамандандырылған ауданаралық экономикалық соты",
            region=almaty,
            substance="Сенім телефонына қоңырау: іс жүргізуді жеделдету үшін ақы сұралған деген.",
        ),
    )
    return f"ISD: {candidate}'s vetting (ISD 5.4) for isd_officer, with a hotline signal about him on record."


def load_demo_risks(people) -> str:
    """ISD 6.13, 6.14: three corruption risks of this half-year (a high one in Almaty's
    procurement with its measures, one done; a medium one in personnel matters; a low one
    removed), and the half-year's analysis drafted for the ISD head's signature."""
    from datetime import date, timedelta

    from django.utils import timezone

    from .models import CorruptionRisk, RiskAnalysis, RiskMeasure
    from .services.risks import risk_analysis_prepare, risk_identify, risk_measure_add
    from .workflow import risk_measure_move, risk_move

    if CorruptionRisk.objects.exists():
        return "ISD: corruption risks already in the demo."
    today = timezone.localdate()
    half = RiskAnalysis.Period.FIRST_HALF if today.month <= 6 else RiskAnalysis.Period.SECOND_HALF
    identified = max(today - timedelta(days=20), date(today.year, 1 if today.month <= 6 else 7, 1))
    officer, almaty = people["isd_officer"].user, people["isd_almaty"].user
    risks = []
    for actor, region, process, subdivision, description, cause, likelihood, impact in (
        (
            almaty,
            "almaty",
            CorruptionRisk.Process.PROCUREMENT,
            "Алматы қаласы бойынша сот әкімшілігі",
            "Бейнебақылау жабдығын бір жеткізушіден бөлшектеп сатып алу.",
            "Жылдық сатып алу жоспары кешігіп бекітіледі.",
            3,
            3,
        ),
        (
            officer,
            "astana",
            CorruptionRisk.Process.PERSONNEL,
            "Астана қаласы соттарының кадр қызметі",
            "Бос лауазымға конкурссыз уақытша тағайындау.",
            "Конкурс комиссиясының құрамы жаңартылмаған.",
            2,
            2,
        ),
        (
            officer,
            "shymkent",
            CorruptionRisk.Process.SERVICES,
            "Шымкент қалалық сотының кеңсесі",
            "Сот актісінің көшірмесін беруді кешіктіру.",
            "Көшірмелерді беру мерзімі бақыланбайды.",
            1,
            2,
        ),
    ):
        risks.append(
            risk_identify(
                actor=actor,
                risk=CorruptionRisk(
                    process=process,
                    subdivision=subdivision,
                    region=Region.objects.get(code=region),
                    description=description,
                    cause=cause,
                    likelihood=likelihood,
                    impact=impact,
                    identified_on=identified,
                ),
            )
        )
    procurement, personnel, services = risks
    for risk, actor, text, owner, days in (
        (procurement, almaty, "Жылдық сатып алу жоспарын қаңтарда бекіту", "Қаржы бөлімінің басшысы", 15),
        (procurement, almaty, "Сатып алуды бөлшектеуге ішкі бақылау енгізу", "Ішкі аудит қызметі", 45),
        (personnel, officer, "Конкурс комиссиясының құрамын жаңарту", "Кадр қызметінің басшысы", 30),
        (services, officer, "Көшірмелерді беру журналын электронды жүргізу", "Кеңсе меңгерушісі", 10),
    ):
        risk_measure_add(
            actor=actor, risk=risk, measure=RiskMeasure(text=text, owner=owner, due_on=today + timedelta(days=days))
        )
    first = procurement.measures.order_by("due_on").first()
    risk_measure_move(measure=first, move="report", actor=almaty, result="Жоспар бекітілді, бұйрық № 14.", on=today)
    risk_measure_move(
        measure=services.measures.get(), move="report", actor=officer, result="Журнал енгізілді.", on=today
    )
    risk_move(risk=services, move="remove", actor=officer, note="Көшірмелерді беру мерзімі электронды бақыланады.")
    risk_analysis_prepare(actor=officer, analysis=RiskAnalysis(year=today.year, period=half))
    return "ISD: three corruption risks (one removed) with their measures, and the half-year's analysis drafted."


def load_demo_programmes(people) -> str:
    """ISD 6.12: the state anti-corruption concept with two items that fall to the judicial
    system (one reported), a departmental programme with one."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import Programme, ProgrammeItem
    from .services.programmes import programme_add, programme_item_add
    from .workflow import programme_item_move

    if Programme.objects.exists():
        return "ISD: programmes already in the demo."
    today = timezone.localdate()
    officer = people["isd_officer"].user
    state = programme_add(
        actor=officer,
        programme=Programme(
            title="Сыбайлас жемқорлыққа қарсы саясаттың тұжырымдамасы",
            level=Programme.Level.STATE,
            approved_by="Қазақстан Республикасы Президентінің Жарлығы",
            first_year=today.year - 1,
            last_year=today.year + 1,
        ),
    )
    departmental = programme_add(
        actor=officer,
        programme=Programme(
            title="Сот жүйесіндегі сыбайлас жемқорлыққа қарсы іс-шаралар жоспары",
            level=Programme.Level.DEPARTMENTAL,
            approved_by="Сот әкімшілігі басшысының бұйрығы",
            first_year=today.year,
            last_year=today.year + 1,
        ),
    )
    for programme, number, text, executor, days in (
        (state, "2.1", "Сот актілерін толық жариялау", "Сот әкімшілігі, ақпараттандыру басқармасы", 20),
        (state, "4.3", "Судьялардың әдеп қағидаларын оқыту", "Сот төрелігі академиясы", 60),
        (
            departmental,
            "1",
            "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізу",
            "Ішкі қауіпсіздік департаменті",
            30,
        ),
    ):
        programme_item_add(
            actor=officer,
            programme=programme,
            item=ProgrammeItem(number=number, text=text, executor=executor, due_on=today + timedelta(days=days)),
        )
    first = state.items.order_by("due_on").first()
    programme_item_move(item=first, move="report", actor=officer, result="Актілер порталда жарияланды.", on=today)
    return "ISD: a state and a departmental anti-corruption programme with their items (one reported)."


def load_demo_controls(people) -> str:
    """ISD 6.19, 6.20: the Almaty unit's control of a purchase, completed with a violation and
    its measures; the central ISD's control of a competition, under way."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import ComplianceControl
    from .services.controls import control_open
    from .workflow import control_move

    if ComplianceControl.objects.exists():
        return "ISD: compliance controls already in the demo."
    today = timezone.localdate()
    almaty = people["isd_almaty"].user
    purchase = control_open(
        actor=almaty,
        control=ComplianceControl(
            area=ComplianceControl.Area.PROCUREMENT,
            subject="Бейнебақылау жабдығын сатып алу",
            reference="№ 14567821, 02.10.2026",
            subdivision="Алматы қаласы бойынша сот әкімшілігі",
            region=Region.objects.get(code="almaty"),
            checks=[ComplianceControl.Check.CONFLICT, ComplianceControl.Check.SPLITTING],
            started_on=today - timedelta(days=20),
        ),
    )
    control_move(
        control=purchase,
        move="complete",
        actor=almaty,
        violation=True,
        findings="Бір жеткізушіден үш рет бөлшектеп сатып алу анықталды.",
        measures="Материалдар басшыға жіберілді; жауапты қызметкер тәртіптік жауапкершілікке тартылды.",
    )
    control_open(
        actor=people["isd_officer"].user,
        control=ComplianceControl(
            area=ComplianceControl.Area.PERSONNEL,
            subject="Бас маман лауазымына конкурс",
            reference="Конкурс комиссиясының хаттамасы № 7",
            subdivision="Астана қаласы соттарының кадр қызметі",
            region=Region.objects.get(code="astana"),
            checks=[ComplianceControl.Check.COMPETITION, ComplianceControl.Check.KINSHIP],
            started_on=today - timedelta(days=4),
        ),
    )
    return "ISD: a purchase's control with a violation (Almaty) and a competition under control (Astana)."


def load_demo_practices(people) -> str:
    """ISD 6.2: a foreign practice proposed to the leadership and adopted, a domestic one studied."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import Practice
    from .services.practices import practice_add
    from .workflow import practice_move

    if Practice.objects.exists():
        return "ISD: best practice already in the demo."
    today = timezone.localdate()
    officer = people["isd_officer"].user
    foreign = practice_add(
        actor=officer,
        practice=Practice(
            title="Сот ғимараттарындағы келушілерді электронды тіркеу",
            origin=Practice.Origin.FOREIGN,
            source="Эстония, Сот әкімшілігі",
            summary="Келушілер жеке куәлігі бойынша тіркеліп, залдарға кіру уақыты сақталады.",
            studied_on=today - timedelta(days=60),
        ),
    )
    practice_move(
        practice=foreign,
        move="propose",
        actor=officer,
        proposal="Республикалық соттарда пилоттық режимде енгізу ұсынылады.",
    )
    practice_move(
        practice=foreign, move="adopt", actor=people["isd_head"].user, decision="Сот әкімшілігі басшысы келісті."
    )
    practice_add(
        actor=officer,
        practice=Practice(
            title="Сенім телефонына түскен хабарламаларды талдау",
            origin=Practice.Origin.DOMESTIC,
            source="Қостанай облыстық соты",
            summary="Хабарламаларды ай сайын тақырып пен сот бойынша топтастыру.",
            studied_on=today - timedelta(days=15),
        ),
    )
    return "ISD: a foreign practice proposed and adopted, a domestic one studied."


def load_demo_incidents(people) -> str:
    """ISD 6.3, 6.4, 6.5, 6.11: a threat to an Almaty judge given to isd_officer, with its
    measure; an incident in an Astana court building, closed; two Almaty bailiffs and a
    hearing with heightened risk planned after the threat."""
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from courtadmin.deadlines.calendar import ALMATY

    from .models import Bailiff, HearingSecurity, IncidentMeasure, SecurityIncident
    from .services.bailiffs import bailiff_add
    from .services.hearings import hearing_plan
    from .services.incidents import incident_assign, incident_measure_add, incident_register
    from .workflow import incident_move

    if SecurityIncident.objects.exists():
        return "ISD: threats and incidents already in the demo."
    today = timezone.localdate()
    head, almaty = people["isd_head"].user, people["isd_almaty"].user
    almaty_region = Region.objects.get(code="almaty")
    threat = incident_register(
        actor=almaty,
        incident=SecurityIncident(
            kind=SecurityIncident.Kind.THREAT_JUDGE,
            region=almaty_region,
            court="Алматы қаласы Медеу аудандық соты",
            person="Судья Ж. Т. Сәрсенова",
            occurred_on=today - timedelta(days=4),
            description="Азаматтық іс бойынша тарап судьяға әлеуметтік желіде қоқан-лоққы жазды.",
            reported_by="Соттың кеңсе меңгерушісі",
            law_enforcement="Алматы қаласы Медеу ауданының полиция басқармасы",
        ),
    )
    incident_assign(actor=head, incident=threat, officers=[people["isd_officer"].user])
    incident_measure_add(
        actor=almaty,
        incident=threat,
        measure=IncidentMeasure(
            taken_on=today - timedelta(days=3),
            text="Полицияға хабарлама тіркелді; судьяның үйі маңында патруль күшейтілді.",
            with_body="Медеу ауданының полиция басқармасы",
        ),
    )
    building = incident_register(
        actor=head,
        incident=SecurityIncident(
            kind=SecurityIncident.Kind.BUILDING,
            region=Region.objects.get(code="astana"),
            court="Астана қаласы Сарыарқа аудандық соты",
            occurred_on=today - timedelta(days=20),
            description="Келуші кіру бекетінде металл іздегіштен өтуден бас тартып, күзетшіге дөрекілік көрсетті.",
            reported_by="Сот приставтары",
        ),
    )
    incident_move(incident=building, move="close", actor=head, outcome="Келуші әкімшілік жауапкершілікке тартылды.")
    bailiffs = [
        bailiff_add(
            actor=almaty,
            bailiff=Bailiff(full_name=name, post=post, court="Алматы қаласы Медеу аудандық соты", region=almaty_region),
        )
        for name, post in (
            ("Ерболат Нұрланұлы Қасымов", "аға сот приставы"),
            ("Айдана Серікқызы Омарова", "сот приставы"),
        )
    ]
    hearing_plan(
        actor=almaty,
        hearing=HearingSecurity(
            region=almaty_region,
            court="Алматы қаласы Медеу аудандық соты",
            case_number="7511-26-00-2/1187",
            starts_at=datetime.combine(today + timedelta(days=5), time(10), ALMATY),
            hall="№ 4",
            risk="Тарап судьяға қоқан-лоққы жасаған; сот отырысына оның жақтастары келуі мүмкін.",
            measures="Залға кіру металл іздегіш арқылы; залда екі пристав; полицияның наряды ғимарат алдында.",
        ),
        bailiffs=bailiffs,
        incident=threat,
    )
    year = _a_year_of_incidents(head, today)
    return (
        "ISD: a threat to an Almaty judge (isd_officer's), a closed incident in Astana, two bailiffs and a hearing; "
        f"{year} incidents of the past year, closed."
    )


# A year of incidents across the regions (ISD 6.1): what the monitoring counts by region, kind
# and month. Each is (kind, region, court, what happened, outcome).
YEAR_OF_INCIDENTS = [
    (
        "building",
        "astana",
        "Астана қаласы Есіл аудандық соты",
        "Келуші кіреберісте пышақпен ұсталды.",
        "Полицияға тапсырылды.",
    ),
    (
        "hearing",
        "almaty",
        "Алматы қалалық соты",
        "Сот отырысында тарап залда төбелес бастады.",
        "Сот приставтары тоқтатты.",
    ),
    (
        "interference",
        "karaganda",
        "Қарағанды облыстық соты",
        "Іс бойынша судьяға бейтаныс адам телефон соғып, шешімді өзгертуді талап етті.",
        "Прокуратураға жіберілді.",
    ),
    ("threat_judge", "shymkent", "Шымкент қалалық соты", "Судьяға хат арқылы қоқан-лоққы келді.", "Полиция тексерді."),
    (
        "building",
        "almaty",
        "Алматы қаласы Алмалы аудандық соты",
        "Түнгі уақытта терезе сындырылды.",
        "Күзет күшейтілді.",
    ),
    (
        "threat_family",
        "astana",
        "Астана қалалық соты",
        "Судьяның отбасы мүшесіне әлеуметтік желіде қорқыту жазылды.",
        "Полиция қылмыстық іс қозғады.",
    ),
]


def _a_year_of_incidents(head, today) -> int:
    from datetime import timedelta

    from .models import SecurityIncident
    from .services.incidents import incident_register
    from .workflow import incident_move

    regions = {region.code: region for region in Region.objects.all()}
    made = 0
    for month in range(1, 13):
        for index in range(2):
            kind, region, court, what, outcome = YEAR_OF_INCIDENTS[(month * 2 + index) % len(YEAR_OF_INCIDENTS)]
            incident = incident_register(
                actor=head,
                incident=SecurityIncident(
                    kind=kind,
                    region=regions[region],
                    court=court,
                    person="Судья" if kind in ("threat_judge", "threat_family", "interference") else "",
                    occurred_on=today - timedelta(days=30 * month + 9 * index),
                    description=what,
                    reported_by="Сот приставтары" if kind in ("building", "hearing") else "Судьяның өзі",
                ),
            )
            incident_move(incident=incident, move="close", actor=head, outcome=outcome)
            made += 1
    return made


def load_demo_buildings(people) -> str:
    """ISD 6.7, 6.8, 6.9: the buildings of three courts with their equipment; the Almaty city
    court's anti-terrorist passport lapsing within a month, its survey with a measure under
    control; two contracts, one with a defect to be remedied."""
    from datetime import timedelta
    from decimal import Decimal

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from .models import (
        BuildingInspection,
        BuildingMeasure,
        ContractCheck,
        ContractDefect,
        CourtBuilding,
        SecurityContract,
        SecurityEquipment,
        Supplier,
        TerrorPassport,
    )
    from .services.buildings import building_add, building_measure_add, equipment_add, inspection_add, passport_file
    from .services.contracts import check_add, contract_add, supplier_add

    if CourtBuilding.objects.exists():
        return "ISD: court buildings already in the demo."
    today = timezone.localdate()
    head, almaty = people["isd_head"].user, people["isd_almaty"].user
    regions = {region.code: region for region in Region.objects.all()}
    buildings = [
        building_add(
            actor=actor,
            building=CourtBuilding(
                court=court,
                region=regions[region],
                address=address,
                floors=floors,
                entrances=entrances,
                regime_premises=premises,
                vulnerable=True,
                category=category,
            ),
        )
        for actor, court, region, address, floors, entrances, premises, category in (
            (
                almaty,
                "Алматы қалалық соты",
                "almaty",
                "Алматы қ., Әйтеке би к-сі, 35",
                6,
                3,
                "Қару сақтау бөлмесі; серверлік",
                "1",
            ),
            (
                head,
                "Астана қалалық соты",
                "astana",
                "Астана қ., Қабанбай батыр д-лы, 17",
                9,
                4,
                "Серверлік; мұрағат",
                "1",
            ),
            (head, "Шымкент қалалық соты", "shymkent", "Шымкент қ., Тәуке хан д-лы, 5", 4, 2, "Мұрағат", "2"),
        )
    ]
    supplier = supplier_add(
        actor=head,
        supplier=Supplier(name="«Қорған Жүйелері» ЖШС", bin="090340001232", contact="Астана қ., +7 7172 00 00 00"),
    )
    other = supplier_add(actor=head, supplier=Supplier(name="«Кілт Технолоджи» ЖШС", bin="100440005679"))
    video = contract_add(
        actor=almaty,
        contract=SecurityContract(
            number="45-ТЖ",
            signed_on=today - timedelta(days=200),
            supplier=supplier,
            subject=SecurityContract.Subject.VIDEO,
            region=regions["almaty"],
            courts="Алматы қалалық соты",
            amount=Decimal("12500000.00"),
            obligations="Бейнебақылау жүйесін орнату, бір жыл қызмет көрсету, ақауды 10 жұмыс күнінде жою.",
            ends_on=today + timedelta(days=165),
        ),
    )
    access = contract_add(
        actor=head,
        contract=SecurityContract(
            number="12-СКУД",
            signed_on=today - timedelta(days=120),
            supplier=other,
            subject=SecurityContract.Subject.ACCESS,
            region=regions["astana"],
            courts="Астана қалалық соты",
            amount=Decimal("8400000.00"),
            obligations="Кіруді бақылау жүйесін орнату және екі жыл қызмет көрсету.",
            ends_on=today + timedelta(days=610),
        ),
    )
    for building, contract in zip(buildings, (video, access, None), strict=True):
        for kind, description in (
            ("video", "Кіреберіс пен залдардағы бейнекамералар"),
            ("access", "Кіреберістегі турникеттер"),
            ("fire", "Өрт дабылы"),
            ("intruder", "Күзет дабылы"),
        ):
            under = contract if contract is not None and contract.subject == kind else None
            equipment_add(
                actor=head,
                building=building,
                equipment=SecurityEquipment(
                    kind=kind, description=description, installed_on=today - timedelta(days=150), contract=under
                ),
            )
    # The Almaty city court: its passport lapsing within a month, its survey's measure overdue.
    first = buildings[0]
    passport_file(
        actor=almaty,
        building=first,
        passport=TerrorPassport(
            number="АТП-02/21", approved_on=today - timedelta(days=1800), valid_until=today + timedelta(days=25)
        ),
        upload=ContentFile(b"%PDF-1.7\n%%EOF\n", name="atp-almaty.pdf"),
    )
    survey = inspection_add(
        actor=almaty,
        building=first,
        inspection=BuildingInspection(
            kind=BuildingInspection.Kind.SURVEY,
            held_on=today - timedelta(days=40),
            held_by="ІҚБ аумақтық бөлімшесі, соттың әкімшісі",
            state=BuildingInspection.State.FAIR,
            findings="Артқы кіреберісте бейнебақылау жоқ; шатыр ағады.",
        ),
    )
    building_measure_add(
        actor=almaty,
        inspection=survey,
        measure=BuildingMeasure(
            text="Артқы кіреберіске камера орнату", owner="Соттың әкімшісі", due_on=today + timedelta(days=10)
        ),
    )
    check_add(
        actor=almaty,
        contract=video,
        check=ContractCheck(
            checked_on=today - timedelta(days=2),
            checked_by="ІҚБ аумақтық бөлімшесі",
            findings="Камералардың үшеуі жазбайды.",
        ),
        defects=[ContractDefect(description="Үш камера жазба жүргізбейді", remedy_by=today + timedelta(days=5))],
    )
    regime = _a_buildings_regime(people, first, today)
    return (
        "ISD: three court buildings with equipment (Almaty's passport lapsing within a month, a survey's measure); "
        f"two contracts, one with a defect to be remedied; {regime}."
    )


def _a_buildings_regime(people, building, today) -> str:
    """ISD 5.5, 6.6, 6.8, 6.11: the Almaty city court's rules of the regime, two permanent passes
    (one lapsing), the unit officer's service ID, its bailiffs on staff and assigned, and two
    spending proposals for next year (one sent with its specification)."""
    from datetime import timedelta
    from decimal import Decimal

    from django.core.files.base import ContentFile

    from .models import AccessPass, Bailiff, CourtBuilding, RegimeRules, SpendingProposal
    from .services.bailiffs import bailiff_add
    from .services.buildings import regime_rules_file
    from .services.expenses import expense_add, specification_add
    from .services.passes import pass_issue
    from .workflow import expense_move

    head, almaty = people["isd_head"].user, people["isd_almaty"].user
    regime_rules_file(
        actor=almaty,
        building=building,
        rules=RegimeRules(number="14-ө", approved_on=today - timedelta(days=300)),
        upload=ContentFile(b"%PDF-1.7\n%%EOF\n", name="regime-almaty.pdf"),
    )
    for number, holder, post, days in (
        ("АҚС-0012", "Жанар Тоқтарқызы Сәрсенова", "Алматы қалалық сотының судьясы", 700),
        ("АҚС-0087", "Марат Ерланұлы Омаров", "Сот отырысының хатшысы", 20),
    ):
        pass_issue(
            actor=almaty,
            access_pass=AccessPass(
                kind=AccessPass.Kind.PERMANENT,
                number=number,
                building=building,
                holder=holder,
                holder_post=post,
                issued_on=today - timedelta(days=345),
                valid_until=today + timedelta(days=days),
            ),
        )
    pass_issue(
        actor=head,
        access_pass=AccessPass(
            kind=AccessPass.Kind.SERVICE_ID,
            number="ІҚБ-017",
            person=people["isd_almaty"],
            issued_on=today - timedelta(days=100),
            valid_until=today + timedelta(days=1000),
        ),
    )
    CourtBuilding.objects.filter(pk=building.pk).update(
        bailiff_headcount=6, bailiff_posts="Орталық кіреберіс; 1-6 залдар; күзетпен ұстау бөлмесі"
    )
    for name in ("Дәурен Асқарұлы Нұрпейісов", "Гүлнар Маратқызы Әбенова", "Санжар Бекұлы Тұрсынов"):
        bailiff_add(
            actor=almaty,
            bailiff=Bailiff(full_name=name, post="сот приставы", court=building.court, building=building),
        )
    sent = expense_add(
        actor=almaty,
        proposal=SpendingProposal(
            year=today.year + 1,
            building=building,
            item=SpendingProposal.Item.VIDEO,
            description="Артқы кіреберіс пен ауланы бақылайтын 6 камера және бейнетіркеуіш.",
            amount=Decimal("4800000.00"),
        ),
    )
    specification_add(actor=almaty, proposal=sent, upload=ContentFile(b"%PDF-1.7\n%%EOF\n", name="ts-video.pdf"))
    expense_move(proposal=sent, move="send", actor=almaty)
    expense_add(
        actor=almaty,
        proposal=SpendingProposal(
            year=today.year + 1,
            building=building,
            item=SpendingProposal.Item.WORKS,
            description="Шатырды жөндеу.",
            amount=Decimal("12000000.00"),
        ),
    )
    return "its rules of the regime, two passes and a service ID, three bailiffs of six, two spending proposals"
