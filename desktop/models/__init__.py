"""Peewee models. They hold data and constraints only."""
from desktop.models.admin.audit import AuditEntry
from desktop.models.admin.holiday import HolidayOverride
from desktop.models.admin.office import OfficeProfile
from desktop.models.admin.setting import Setting
from desktop.models.admin.user import User
from desktop.models.applications.application import (Application, Attachment, AttachmentChunk,
                                                     CasePerson, Counter, RequirementCheck,
                                                     StepEvent)
from desktop.models.applications.person import Organisation, Person
from desktop.models.base import BaseModel, RecordModel, db, utcnow
from desktop.models.cases.override import RuleOverride
from desktop.models.catalog.service import Service, ServiceRequirement, ServiceStep
from desktop.models.letters.letter import Letter, SignerImage
from desktop.models.lks.lks import Lks, LksBeneficiary, LksBoardMember, LksRegistration
from desktop.models.letters.letter_template import TemplateOverride
from desktop.models.referrals.institution import Institution
from desktop.models.stock.stock import AidItem, StockMovement
from desktop.models.complaints.complaint import Complaint
from desktop.models.survey.skm import SkmResponse
from desktop.models.reports.monthly import MonthlyFigure
from desktop.models.schedule.booking import (Blackout, Cemetery, ClinicRequest, Driver,
                                             DutyAssignment, HearseBooking, ScheduleChange,
                                             Technician, Vehicle)

ALL_MODELS = [User, AuditEntry, Setting, OfficeProfile, Service, ServiceRequirement,
              ServiceStep, HolidayOverride, Person, Organisation, Application,
              RequirementCheck, Attachment, StepEvent, Counter]
ALL_MODELS += [Letter, SignerImage]
ALL_MODELS += [TemplateOverride]
ALL_MODELS += [AttachmentChunk]
ALL_MODELS += [RuleOverride]
ALL_MODELS += [Vehicle, Driver, Technician, Cemetery, Blackout, DutyAssignment, HearseBooking,
               ClinicRequest, ScheduleChange]
ALL_MODELS += [Lks, LksBoardMember, LksBeneficiary, LksRegistration]
ALL_MODELS += [CasePerson]
ALL_MODELS += [Institution]
ALL_MODELS += [AidItem, StockMovement]
ALL_MODELS += [Complaint, SkmResponse]
ALL_MODELS += [MonthlyFigure]

__all__ = ["db", "utcnow", "BaseModel", "RecordModel", "ALL_MODELS", "AuditEntry", "User",
           "Setting", "OfficeProfile", "Service", "ServiceRequirement", "ServiceStep",
           "HolidayOverride", "Person", "Organisation", "Application", "RequirementCheck",
           "Attachment", "StepEvent", "Counter", "CasePerson"]
__all__ += ["Letter", "SignerImage"]
__all__ += ["TemplateOverride", "AttachmentChunk", "RuleOverride"]
__all__ += ["Vehicle", "Driver", "Technician", "Cemetery", "Blackout", "DutyAssignment",
            "HearseBooking", "ClinicRequest", "ScheduleChange"]
__all__ += ["Lks", "LksBoardMember", "LksBeneficiary", "LksRegistration"]
__all__ += ["Institution"]
__all__ += ["AidItem", "StockMovement"]
__all__ += ["Complaint", "SkmResponse", "MonthlyFigure"]
