"""`make bench`: run the benchmarks against the database in DATABASE_URL and record them.

python -m bench.run [name ...]
"""

import os
import sys

import django


def main(names: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "courtadmin.settings")
    django.setup()
    from . import (
        correspondence,
        dashboard,
        datarequests,
        events,
        harness,
        home,
        incidents,
        instructions,
        isd_need_to_know,
        la_registry,
        mixed_load,
        outgoing,
        pdf_render_sign,
        reminder_scan,
        search,
        throughput,
        upload_bombs,
        vetting,
    )

    # In this order on a fresh database: the reminder scan's running terms go to the complaints.
    benchmarks = {
        "pdf_render_sign": pdf_render_sign.run,
        "la_list": la_registry.run_list,
        "la_figures": la_registry.run_figures,
        "isd_list_need_to_know": isd_need_to_know.run,
        "dashboard": dashboard.run,
        "reminder_scan": reminder_scan.run,
        "search": search.run,
        "home": home.run,
        "vetting_search": vetting.run,
        "incident_list": incidents.run,
        "letters_list": correspondence.run,
        "instructions_list": instructions.run,
        "instructions_figures": instructions.run_figures,
        "outgoing_list": outgoing.run,
        "requests_register": datarequests.run,
        "requests_figures": datarequests.run_figures,
        "events_list": events.run,
        "budget_page": events.run_budget,
        "throughput": throughput.run,
        "mixed_load": mixed_load.run,
        "upload_bombs": upload_bombs.run,
    }
    for name in names or list(benchmarks):
        result = benchmarks[name]()
        harness.record(result)
        print(
            f"{result.name}: ours {result.ours_ms:.1f} ms, baseline {result.baseline_ms:.1f} ms, ratio {result.ratio}"
        )  # noqa: E501


if __name__ == "__main__":
    main(sys.argv[1:])
