"""Who may do what with ISD records (ISD 7, ISD 9, ISD 15). Views, services and the
workflow ask here; which records a user reaches at all is `isd_reach` (the core's rule for a
need-to-know department, `org.authority.records_reach`).

- The ISD head and deputy (of the central department) manage the complaints: they assign
  officers, extend terms, see every record.
- The officers assigned to a complaint (an unexpired need-to-know grant) work on it.
- The applicant's identity is for the assigned officers and the ISD head alone (issue 7.2);
  everyone else with access, the deputy and the leadership included, sees "applicant hidden".
- The department's pages exist only for those it reports to and its own staff (ISD 7,
  `require_isd_access`: 404 for anyone else); its registers of criminal cases and of
  information on corruption are read by its whole staff, a territorial unit its region's
  (`registers_within_reach`); its figures by its head and the leadership (`may_read_figures`).
"""

from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.http import Http404

from courtadmin.org.authority import (
    ORGANISATION_WIDE_KINDS,
    Reach,
    active_grants,
    department_access,
    is_organisation_keeper,
    live_grant,
    person_of,
    records_reach,
    records_within_reach,
)
from courtadmin.org.models import Department, Position, Unit

from .models import ComplaintGrant, IncidentGrant, InvestigationGrant, VettingGrant


def isd_reach(user):
    """Which ISD records `user` reaches (ISD 7): all, his region's, those granted to him, or none."""
    return records_reach(user, Department.ISD)


def isd_records_within_reach(queryset, user, *, grant_model, region_field: str = "region", at=None):
    """ISD records `user` may open, filtered in the list's own query; outside the reach, absent."""
    return records_within_reach(
        queryset, user, department=Department.ISD, grant_model=grant_model, region_field=region_field, at=at
    )


def require_isd_access(user) -> None:
    """ISD 7: the department's pages exist only for those it reports to and its own staff."""
    if not department_access(user, Department.ISD):
        raise Http404


def isd_position(user):
    """The user's position in the central ISD, or None (territorial units manage nothing here)."""
    person = person_of(user)
    position = person.position if person is not None else None
    if position is None or position.unit.department != Department.ISD or position.unit.kind != Unit.Kind.STRUCTURAL:
        return None
    return position


def is_isd_head(user) -> bool:
    position = isd_position(user)
    return position is not None and position.kind == Position.Kind.HEAD


def is_isd_manager(user) -> bool:
    position = isd_position(user)
    return position is not None and position.kind in (Position.Kind.HEAD, Position.Kind.DEPUTY)


def is_assigned(user, complaint) -> bool:
    return active_grants(ComplaintGrant, user).filter(content_object=complaint).exists()


def may_work_on(user, complaint) -> bool:
    return is_isd_manager(user) or is_assigned(user, complaint)


def may_see_applicant(user, complaint) -> bool:
    return is_isd_head(user) or is_assigned(user, complaint)


def may_work_on_investigation(user, investigation) -> bool:
    """The ISD head and deputy, and the investigation's team."""
    return is_isd_manager(user) or active_grants(InvestigationGrant, user).filter(content_object=investigation).exists()


def unit_region(user):
    """The region of the territorial ISD unit the user works in; None for everyone else."""
    person = person_of(user)
    position = person.position if person is not None else None
    if position is None or position.unit.kind != Unit.Kind.TERRITORIAL_ISD:
        return None
    return position.unit.region


def keeps_region(user, region=None) -> bool:
    """May `user` enter and correct the ISD's records of `region` (of some region, when None):
    its criminal cases (ISD 6.16), its signals (ISD 6.15), its inspections (ISD 5.10)? The
    central ISD's staff any region's, a territorial ISD unit its own."""
    if isd_position(user) is not None:
        return True
    own = unit_region(user)
    return own is not None and (region is None or own.pk == getattr(region, "pk", region))


def registers_within_reach(queryset, user):
    """ISD 6.15, 6.16 and ISD 7: the criminal-case registry and the information on corruption
    are the ISD's registers: its whole staff and those it reports to see every entry, a
    territorial ISD unit its region's, nobody else any."""
    reach = isd_reach(user)
    if reach.kind in (Reach.ALL, Reach.GRANTED):
        return queryset
    if reach.kind is Reach.REGION:
        return queryset.filter(region_id=reach.region_id)
    return queryset.none()


def reads_central(user) -> bool:
    """The central ISD's own registers, which cover no one region (the programmes of ISD 6.12,
    the best practice of ISD 6.2, the analyses of corruption risks of ISD 6.13), are read by
    its staff and those it reports to; not by a territorial unit, nor anybody else."""
    return isd_reach(user).kind in (Reach.ALL, Reach.GRANTED)


def central_within_reach(queryset, user):
    """A central register's records `user` reads (`reads_central`): all of them, or none."""
    return queryset if reads_central(user) else queryset.none()


def may_read_figures(user) -> bool:
    """The ISD's figures are for its head and those it reports to (ISD 7)."""
    person = person_of(user)
    leadership = person is not None and person.position is not None and person.position.kind in ("chairman", "ca_head")
    return is_isd_head(user) or leadership


def answers_readable_by(user) -> Q:
    """The answers to complainants (Documents bound to a complaint) whose applicant `user`
    sees: all for the ISD head, those of the complaints he is assigned to for an officer."""
    if is_isd_head(user):
        return Q()
    assigned = active_grants(ComplaintGrant, user).annotate(key=Cast("content_object_id", CharField(max_length=64)))
    return Q(record_id__in=assigned.values("key"))


def isd_managers():
    """The accounts of the central ISD's head and deputy head: told of every complaint's move."""
    from courtadmin.accounts.models import User

    return User.objects.filter(
        is_active=True,
        person__position__unit__department=Department.ISD,
        person__position__unit__kind=Unit.Kind.STRUCTURAL,
        person__position__kind__in=(Position.Kind.HEAD, Position.Kind.DEPUTY),
    )


def team_of(record, grant_model):
    """The accounts holding a live need-to-know grant on `record`: its officers, its team."""
    from courtadmin.accounts.models import User

    grants = grant_model.objects.filter(content_object=record).filter(live_grant())
    return User.objects.filter(pk__in=grants.values("user_id"))


def files_staff_notices(user) -> bool:
    """ISD 13: a decision on territorial ISD staff is taken, and its notice to the ISD head
    filed, by the leadership (the Chairman, the CA head) or the personnel office."""
    person = person_of(user)
    leadership = person is not None and person.position is not None and person.position.kind in ORGANISATION_WIDE_KINDS
    return leadership or is_organisation_keeper(user)


def reads_staff_notices(user) -> bool:
    """The notices are for the ISD head and deputy and those who file them, nobody else: not
    the ISD's officers, not the territorial units (ISD 7, ISD 13)."""
    return is_isd_manager(user) or files_staff_notices(user)


def draws_up_plan(user, region) -> bool:
    """ISD 9, 6.10, 6.18: the central ISD's staff draw up its plan (`region` None) and help
    any unit with its own; a territorial ISD unit draws up its region's plan, never the
    central one or another region's."""
    if isd_position(user) is not None:
        return True
    return region is not None and keeps_region(user, region)


def reads_registers(user) -> bool:
    """Does `user` read any of the ISD's registers (`registers_within_reach`): its staff, those
    it reports to, a territorial unit?"""
    return isd_reach(user).kind is not Reach.NONE


def unit_staff(regions):
    """The accounts of the territorial ISD units of `regions` (a region's id, a list of them,
    or None for every unit): told what became of their reports and meetings."""
    from courtadmin.accounts.models import User

    staff = User.objects.filter(is_active=True, person__position__unit__kind=Unit.Kind.TERRITORIAL_ISD)
    if regions is None:
        return staff
    ids = regions if isinstance(regions, list | tuple) else [regions]
    return staff.filter(person__position__unit__region_id__in=ids)


def reads_evaluations(user) -> bool:
    """The evaluations of the units' heads are for the ISD head and deputy and those the ISD
    reports to (ISD 7, ISD 9); not its officers, not the units."""
    person = person_of(user)
    leadership = person is not None and person.position is not None and person.position.kind in ("chairman", "ca_head")
    return is_isd_manager(user) or leadership


def meetings_within_reach(queryset, user):
    """ISD 5.11, 5.13: the meetings with the units are read by the ISD's staff and those it
    reports to, and by a unit when it takes part (or every unit does); nobody else."""
    reach = isd_reach(user)
    if reach.kind in (Reach.ALL, Reach.GRANTED):
        return queryset
    if reach.kind is Reach.REGION:
        return queryset.filter(Q(regions=reach.region_id) | Q(regions__isnull=True)).distinct()
    return queryset.none()


def may_work_on_vetting(user, vetting) -> bool:
    """ISD 5.4: the ISD head and deputy, and the officers assigned to the vetting."""
    return is_isd_manager(user) or active_grants(VettingGrant, user).filter(content_object=vetting).exists()


def may_work_on_incident(user, incident) -> bool:
    """A threat or incident is worked on by the ISD head and deputy, the officers granted it
    and the territorial unit of its region (ISD 7); not by the other officers, who do not see it."""
    if is_isd_manager(user) or active_grants(IncidentGrant, user).filter(content_object=incident).exists():
        return True
    own = unit_region(user)
    return own is not None and own.pk == incident.region_id


def registers_incidents(user, region=None) -> bool:
    """Who records a threat or incident: the ISD head and deputy in any region, a territorial
    unit in its own. An officer is given one by a grant; he records none he would then not see."""
    if is_isd_manager(user):
        return True
    own = unit_region(user)
    return own is not None and (region is None or own.pk == getattr(region, "pk", region))
