from django.core.management.base import BaseCommand, CommandError

from courtadmin.audit.chain import CHAINS, checkpoints_verify

BROKEN = {
    "link": "does not follow the event before it (an event was removed or inserted)",
    "content": "is not what its key sealed (altered, or the chain recomputed without the key)",
    "key": "was sealed by a key that is not in AUDIT_CHAIN_KEYS",
}
CHECKPOINT = {
    "seal": "was not written with the chain's key",
    "missing": "saw an event that is gone (the end of the chain was cut off)",
    "rewritten": "saw an event that now has another hash (the chain was recomputed)",
    "removed": "counted more events up to it than there are now (events were removed)",
}


class Command(BaseCommand):
    help = (
        "Verify the audit log's and the read log's keyed chains and compare them with their "
        "checkpoints outside the database; report every break found."
    )

    def handle(self, *args, **options):
        problems = []
        for chain in CHAINS:
            checked, broken, why = chain.verify()
            if broken is None:
                self.stdout.write(f"{chain.name}: chain intact, {checked} events verified.")
            else:
                problems.append(
                    f"{chain.name}: chain broken at event id={broken.pk} ({broken.at:%Y-%m-%d %H:%M:%S} UTC): "
                    f"it {BROKEN[why]}. {checked} events before it are intact."
                )
        read, found = checkpoints_verify()
        self.stdout.write(f"checkpoints: {read} read.")
        for problem in found:
            entry = problem.checkpoint
            problems.append(
                f"{problem.chain}: the checkpoint of {entry.get('at', '?')} (event id={entry.get('id', '?')}) "
                f"{CHECKPOINT[problem.why]}."
            )
        if problems:
            raise CommandError("\n".join(problems))
        self.stdout.write(self.style.SUCCESS("Audit and read chains intact, and as their checkpoints saw them."))
