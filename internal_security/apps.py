from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternalSecurityConfig(AppConfig):
    name = "internal_security"
    verbose_name = _("Internal Security")

    def ready(self):
        from courtadmin.core.demo import register_demo_loader
        from courtadmin.core.load import register_load_kind
        from courtadmin.core.search import register_search_source
        from courtadmin.core.work import register_work_panel
        from courtadmin.dashboard.panels import register_panel
        from courtadmin.deadlines.kinds import register_deadline_kind
        from courtadmin.documents.kinds import register_document_kind
        from courtadmin.org.departments import register_department, register_record_reach

        from . import dashboard, deadlines, load, search, work
        from .demo import (
            load_demo_buildings,
            load_demo_complaints,
            load_demo_controls,
            load_demo_criminal_cases,
            load_demo_documents,
            load_demo_evaluations,
            load_demo_incidents,
            load_demo_inspections,
            load_demo_investigations,
            load_demo_meetings,
            load_demo_notices,
            load_demo_plans,
            load_demo_practices,
            load_demo_programmes,
            load_demo_regulations,
            load_demo_reports,
            load_demo_risks,
            load_demo_vetting,
        )
        from .department import RULES
        from .documents import KINDS
        from .models import (
            AccessPass,
            BuildingMeasure,
            Complaint,
            ComplaintGrant,
            ComplianceControl,
            ContractDefect,
            CorruptionRisk,
            CourtBuilding,
            CriminalCase,
            HeadEvaluation,
            HearingSecurity,
            IncidentGrant,
            Inspection,
            Investigation,
            InvestigationGrant,
            PlanItem,
            Practice,
            Programme,
            ProgrammeItem,
            Recommendation,
            RiskAnalysis,
            RiskMeasure,
            SecurityContract,
            SecurityIncident,
            SpendingProposal,
            StaffNotice,
            TerrorPassport,
            UnitMeeting,
            UnitRegulation,
            UnitReport,
            VettingGrant,
            VettingRequest,
            WorkPlan,
        )
        from .permissions import (
            central_within_reach,
            isd_records_within_reach,
            meetings_within_reach,
            registers_within_reach,
        )
        from .selectors.buildings import building_measures_visible_to, buildings_visible_to
        from .selectors.contracts import defects_visible_to
        from .selectors.evaluations import evaluations_visible_to
        from .selectors.inspections import recommendations_visible_to
        from .selectors.notices import notices_visible_to
        from .selectors.plans import plan_items_visible_to
        from .selectors.programmes import programme_items_visible_to
        from .selectors.risks import measures_visible_to

        register_department(RULES)
        # Documents bound to these records are read within the record's reach (ISD 7).
        register_record_reach(
            Complaint, lambda qs, user: isd_records_within_reach(qs, user, grant_model=ComplaintGrant)
        )
        register_record_reach(
            Investigation, lambda qs, user: isd_records_within_reach(qs, user, grant_model=InvestigationGrant)
        )
        register_record_reach(CriminalCase, registers_within_reach)
        register_record_reach(StaffNotice, lambda qs, user: qs.filter(pk__in=notices_visible_to(user).values("pk")))
        register_record_reach(WorkPlan, registers_within_reach)
        register_record_reach(Inspection, registers_within_reach)
        register_record_reach(UnitReport, registers_within_reach)
        register_record_reach(UnitMeeting, meetings_within_reach)
        register_record_reach(UnitRegulation, registers_within_reach)
        register_record_reach(
            HeadEvaluation, lambda qs, user: qs.filter(pk__in=evaluations_visible_to(user).values("pk"))
        )
        register_record_reach(
            Recommendation, lambda qs, user: qs.filter(pk__in=recommendations_visible_to(user).values("pk"))
        )
        register_record_reach(PlanItem, lambda qs, user: qs.filter(pk__in=plan_items_visible_to(user).values("pk")))
        register_record_reach(
            VettingRequest, lambda qs, user: isd_records_within_reach(qs, user, grant_model=VettingGrant)
        )
        register_record_reach(CorruptionRisk, registers_within_reach)
        register_record_reach(RiskMeasure, lambda qs, user: qs.filter(pk__in=measures_visible_to(user).values("pk")))
        register_record_reach(RiskAnalysis, central_within_reach)
        register_record_reach(ComplianceControl, registers_within_reach)
        register_record_reach(
            SecurityIncident, lambda qs, user: isd_records_within_reach(qs, user, grant_model=IncidentGrant)
        )
        register_record_reach(HearingSecurity, registers_within_reach)
        register_record_reach(CourtBuilding, registers_within_reach)
        register_record_reach(SecurityContract, registers_within_reach)
        register_record_reach(AccessPass, registers_within_reach)
        register_record_reach(SpendingProposal, registers_within_reach)
        register_record_reach(
            BuildingMeasure, lambda qs, user: qs.filter(pk__in=building_measures_visible_to(user).values("pk"))
        )
        register_record_reach(
            TerrorPassport, lambda qs, user: qs.filter(building__in=buildings_visible_to(user).values("pk"))
        )
        register_record_reach(ContractDefect, lambda qs, user: qs.filter(pk__in=defects_visible_to(user).values("pk")))
        register_record_reach(Programme, central_within_reach)
        register_record_reach(Practice, central_within_reach)
        register_record_reach(
            ProgrammeItem, lambda qs, user: qs.filter(pk__in=programme_items_visible_to(user).values("pk"))
        )
        for kind in KINDS:
            register_document_kind(kind)
        for kind in deadlines.KINDS:
            register_deadline_kind(kind)
        for panel in dashboard.PANELS:
            register_panel(panel)
        for panel in work.PANELS:
            register_work_panel(panel)
        for source in search.SOURCES:
            register_search_source(source)
        for kind in load.LOAD_KINDS:
            register_load_kind(kind)
        register_demo_loader(load_demo_complaints)
        register_demo_loader(load_demo_investigations)
        register_demo_loader(load_demo_criminal_cases)
        register_demo_loader(load_demo_documents)
        register_demo_loader(load_demo_notices)
        register_demo_loader(load_demo_plans)
        register_demo_loader(load_demo_inspections)
        register_demo_loader(load_demo_reports)
        register_demo_loader(load_demo_evaluations)
        register_demo_loader(load_demo_meetings)
        register_demo_loader(load_demo_regulations)
        register_demo_loader(load_demo_vetting)
        register_demo_loader(load_demo_risks)
        register_demo_loader(load_demo_programmes)
        register_demo_loader(load_demo_controls)
        register_demo_loader(load_demo_practices)
        register_demo_loader(load_demo_incidents)
        register_demo_loader(load_demo_buildings)
