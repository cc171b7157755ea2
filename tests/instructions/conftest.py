"""Helpers of the instructions' tests: giving one, splitting it, reporting."""

from django.core.files.uploadedfile import SimpleUploadedFile

from courtadmin.instructions.services import instruction_give, instruction_report_add
from courtadmin.instructions.workflow import instruction_move

PDF = b"%PDF-1.7\n%%EOF\n"


def pdf(name="report.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF)


def give(giver, executors, department="IR", lead=None, working_days=5, text="Подготовить справку", **extra):
    # ISD 14: the ISD's instructions name the function of ISD 6 they serve (here, complaints).
    extra.setdefault("function", "6.23" if department == "ISD" else "")
    return instruction_give(
        actor=giver,
        department=department,
        text=text,
        executors=list(executors),
        lead=lead or executors[0],
        working_days=working_days,
        **extra,
    )


def split(giver, parent, executors, lead=None, working_days=3, text="Исполнить в части региона", **extra):
    return instruction_give(
        actor=giver,
        parent=parent,
        text=text,
        executors=list(executors),
        lead=lead or executors[0],
        working_days=working_days,
        **extra,
    )


def report(instruction, author, text="Исполнено", files=()):
    return instruction_move(instruction=instruction, move="report", actor=author, text=text, files=list(files))


def interim(instruction, author, text="Промежуточно", files=()):
    return instruction_report_add(actor=author, instruction=instruction, text=text, files=list(files))


def accept(instruction, giver):
    return instruction_move(instruction=instruction, move="accept", actor=giver)
