"""Peewee models. They hold data and constraints only."""
from desktop.models.application import (Application, Attachment, AttachmentChunk, Counter,
                                       RequirementCheck, StepEvent)
from desktop.models.audit import AuditEntry
from desktop.models.base import BaseModel, RecordModel, db, utcnow
from desktop.models.catalog import Service, ServiceRequirement, ServiceStep
from desktop.models.holiday import HolidayOverride
from desktop.models.letter import Letter, SignerImage
from desktop.models.letter_template import TemplateOverride
from desktop.models.office import OfficeProfile
from desktop.models.person import Organisation, Person
from desktop.models.schedule import (Blackout, Cemetery, ClinicRequest, Driver, DutyAssignment,
                                     HearseBooking, ScheduleChange, Technician, Vehicle)
from desktop.models.setting import Setting
from desktop.models.user import User

ALL_MODELS = [User, AuditEntry, Setting, OfficeProfile, Service, ServiceRequirement,
              ServiceStep, HolidayOverride, Person, Organisation, Application,
              RequirementCheck, Attachment, StepEvent, Counter]
ALL_MODELS += [Letter, SignerImage]
ALL_MODELS += [TemplateOverride]
ALL_MODELS += [AttachmentChunk]
ALL_MODELS += [Vehicle, Driver, Technician, Cemetery, Blackout, DutyAssignment, HearseBooking,
               ClinicRequest, ScheduleChange]

__all__ = ["db", "utcnow", "BaseModel", "RecordModel", "ALL_MODELS", "AuditEntry", "User",
           "Setting", "OfficeProfile", "Service", "ServiceRequirement", "ServiceStep",
           "HolidayOverride", "Person", "Organisation", "Application", "RequirementCheck",
           "Attachment", "StepEvent", "Counter"]
__all__ += ["Letter", "SignerImage"]
__all__ += ["TemplateOverride", "AttachmentChunk"]
__all__ += ["Vehicle", "Driver", "Technician", "Cemetery", "Blackout", "DutyAssignment",
            "HearseBooking", "ClinicRequest", "ScheduleChange"]
