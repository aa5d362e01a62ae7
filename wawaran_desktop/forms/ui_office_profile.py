# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'office_profile.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QVBoxLayout, QWidget)

class Ui_OfficeProfileDialog(object):
    def setupUi(self, OfficeProfileDialog):
        if not OfficeProfileDialog.objectName():
            OfficeProfileDialog.setObjectName(u"OfficeProfileDialog")
        OfficeProfileDialog.resize(720, 560)
        self.mainLayout = QVBoxLayout(OfficeProfileDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(OfficeProfileDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.tabs = QTabWidget(OfficeProfileDialog)
        self.tabs.setObjectName(u"tabs")
        self.kopTab = QWidget()
        self.kopTab.setObjectName(u"kopTab")
        self.kopScrollLayout = QVBoxLayout(self.kopTab)
        self.kopScrollLayout.setObjectName(u"kopScrollLayout")
        self.kopScrollLayout.setContentsMargins(0, 0, 0, 0)
        self.kopScroll = QScrollArea(self.kopTab)
        self.kopScroll.setObjectName(u"kopScroll")
        self.kopScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.kopScroll.setWidgetResizable(True)
        self.kopContents = QWidget()
        self.kopContents.setObjectName(u"kopContents")
        self.kopLayout = QVBoxLayout(self.kopContents)
        self.kopLayout.setObjectName(u"kopLayout")
        self.kopForm = QFormLayout()
        self.kopForm.setObjectName(u"kopForm")
        self.governmentCaption = QLabel(self.kopContents)
        self.governmentCaption.setObjectName(u"governmentCaption")

        self.kopForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.governmentCaption)

        self.governmentEdit = QLineEdit(self.kopContents)
        self.governmentEdit.setObjectName(u"governmentEdit")

        self.kopForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.governmentEdit)

        self.officeCaption = QLabel(self.kopContents)
        self.officeCaption.setObjectName(u"officeCaption")

        self.kopForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.officeCaption)

        self.officeEdit = QLineEdit(self.kopContents)
        self.officeEdit.setObjectName(u"officeEdit")

        self.kopForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.officeEdit)

        self.addressCaption = QLabel(self.kopContents)
        self.addressCaption.setObjectName(u"addressCaption")

        self.kopForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.addressCaption)

        self.addressEdit = QLineEdit(self.kopContents)
        self.addressEdit.setObjectName(u"addressEdit")

        self.kopForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneCaption = QLabel(self.kopContents)
        self.phoneCaption.setObjectName(u"phoneCaption")

        self.kopForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneCaption)

        self.phoneEdit = QLineEdit(self.kopContents)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.kopForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailCaption = QLabel(self.kopContents)
        self.emailCaption.setObjectName(u"emailCaption")

        self.kopForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.emailCaption)

        self.emailEdit = QLineEdit(self.kopContents)
        self.emailEdit.setObjectName(u"emailEdit")

        self.kopForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.websiteCaption = QLabel(self.kopContents)
        self.websiteCaption.setObjectName(u"websiteCaption")

        self.kopForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.websiteCaption)

        self.websiteEdit = QLineEdit(self.kopContents)
        self.websiteEdit.setObjectName(u"websiteEdit")

        self.kopForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.websiteEdit)

        self.cityCaption = QLabel(self.kopContents)
        self.cityCaption.setObjectName(u"cityCaption")

        self.kopForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.cityCaption)

        self.cityEdit = QLineEdit(self.kopContents)
        self.cityEdit.setObjectName(u"cityEdit")

        self.kopForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.cityEdit)


        self.kopLayout.addLayout(self.kopForm)

        self.logoBox = QGroupBox(self.kopContents)
        self.logoBox.setObjectName(u"logoBox")
        self.logoLayout = QHBoxLayout(self.logoBox)
        self.logoLayout.setObjectName(u"logoLayout")
        self.logoPreview = QLabel(self.logoBox)
        self.logoPreview.setObjectName(u"logoPreview")
        self.logoPreview.setMinimumSize(QSize(96, 96))
        self.logoPreview.setMaximumSize(QSize(96, 96))
        self.logoPreview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logoPreview.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.logoLayout.addWidget(self.logoPreview)

        self.logoButtons = QVBoxLayout()
        self.logoButtons.setObjectName(u"logoButtons")
        self.chooseLogoButton = QPushButton(self.logoBox)
        self.chooseLogoButton.setObjectName(u"chooseLogoButton")

        self.logoButtons.addWidget(self.chooseLogoButton)

        self.removeLogoButton = QPushButton(self.logoBox)
        self.removeLogoButton.setObjectName(u"removeLogoButton")

        self.logoButtons.addWidget(self.removeLogoButton)

        self.logoInfoLabel = QLabel(self.logoBox)
        self.logoInfoLabel.setObjectName(u"logoInfoLabel")
        self.logoInfoLabel.setWordWrap(True)

        self.logoButtons.addWidget(self.logoInfoLabel)

        self.logoSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.logoButtons.addItem(self.logoSpacer)


        self.logoLayout.addLayout(self.logoButtons)


        self.kopLayout.addWidget(self.logoBox)

        self.kopScroll.setWidget(self.kopContents)

        self.kopScrollLayout.addWidget(self.kopScroll)

        self.tabs.addTab(self.kopTab, "")
        self.letterheadTab = QWidget()
        self.letterheadTab.setObjectName(u"letterheadTab")
        self.letterheadScrollLayout = QVBoxLayout(self.letterheadTab)
        self.letterheadScrollLayout.setObjectName(u"letterheadScrollLayout")
        self.letterheadScrollLayout.setContentsMargins(0, 0, 0, 0)
        self.letterheadScroll = QScrollArea(self.letterheadTab)
        self.letterheadScroll.setObjectName(u"letterheadScroll")
        self.letterheadScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.letterheadScroll.setWidgetResizable(True)
        self.letterheadContents = QWidget()
        self.letterheadContents.setObjectName(u"letterheadContents")
        self.letterheadLayout = QVBoxLayout(self.letterheadContents)
        self.letterheadLayout.setObjectName(u"letterheadLayout")
        self.letterheadHint = QLabel(self.letterheadContents)
        self.letterheadHint.setObjectName(u"letterheadHint")
        self.letterheadHint.setWordWrap(True)

        self.letterheadLayout.addWidget(self.letterheadHint)

        self.letterheadDocxBox = QGroupBox(self.letterheadContents)
        self.letterheadDocxBox.setObjectName(u"letterheadDocxBox")
        self.letterheadDocxLayout = QHBoxLayout(self.letterheadDocxBox)
        self.letterheadDocxLayout.setObjectName(u"letterheadDocxLayout")
        self.letterheadDocxLabel = QLabel(self.letterheadDocxBox)
        self.letterheadDocxLabel.setObjectName(u"letterheadDocxLabel")
        self.letterheadDocxLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.letterheadDocxLabel.sizePolicy().hasHeightForWidth())
        self.letterheadDocxLabel.setSizePolicy(sizePolicy)

        self.letterheadDocxLayout.addWidget(self.letterheadDocxLabel)

        self.chooseLetterheadDocxButton = QPushButton(self.letterheadDocxBox)
        self.chooseLetterheadDocxButton.setObjectName(u"chooseLetterheadDocxButton")

        self.letterheadDocxLayout.addWidget(self.chooseLetterheadDocxButton)

        self.removeLetterheadDocxButton = QPushButton(self.letterheadDocxBox)
        self.removeLetterheadDocxButton.setObjectName(u"removeLetterheadDocxButton")

        self.letterheadDocxLayout.addWidget(self.removeLetterheadDocxButton)


        self.letterheadLayout.addWidget(self.letterheadDocxBox)

        self.letterheadImageBox = QGroupBox(self.letterheadContents)
        self.letterheadImageBox.setObjectName(u"letterheadImageBox")
        self.letterheadImageLayout = QHBoxLayout(self.letterheadImageBox)
        self.letterheadImageLayout.setObjectName(u"letterheadImageLayout")
        self.letterheadImagePreview = QLabel(self.letterheadImageBox)
        self.letterheadImagePreview.setObjectName(u"letterheadImagePreview")
        self.letterheadImagePreview.setMinimumSize(QSize(240, 48))
        self.letterheadImagePreview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sizePolicy.setHeightForWidth(self.letterheadImagePreview.sizePolicy().hasHeightForWidth())
        self.letterheadImagePreview.setSizePolicy(sizePolicy)

        self.letterheadImageLayout.addWidget(self.letterheadImagePreview)

        self.chooseLetterheadImageButton = QPushButton(self.letterheadImageBox)
        self.chooseLetterheadImageButton.setObjectName(u"chooseLetterheadImageButton")

        self.letterheadImageLayout.addWidget(self.chooseLetterheadImageButton)

        self.removeLetterheadImageButton = QPushButton(self.letterheadImageBox)
        self.removeLetterheadImageButton.setObjectName(u"removeLetterheadImageButton")

        self.letterheadImageLayout.addWidget(self.removeLetterheadImageButton)


        self.letterheadLayout.addWidget(self.letterheadImageBox)

        self.letterheadSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.letterheadLayout.addItem(self.letterheadSpacer)

        self.letterheadScroll.setWidget(self.letterheadContents)

        self.letterheadScrollLayout.addWidget(self.letterheadScroll)

        self.tabs.addTab(self.letterheadTab, "")
        self.signersTab = QWidget()
        self.signersTab.setObjectName(u"signersTab")
        self.signersScrollLayout = QVBoxLayout(self.signersTab)
        self.signersScrollLayout.setObjectName(u"signersScrollLayout")
        self.signersScrollLayout.setContentsMargins(0, 0, 0, 0)
        self.signersScroll = QScrollArea(self.signersTab)
        self.signersScroll.setObjectName(u"signersScroll")
        self.signersScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.signersScroll.setWidgetResizable(True)
        self.signersContents = QWidget()
        self.signersContents.setObjectName(u"signersContents")
        self.signersLayout = QVBoxLayout(self.signersContents)
        self.signersLayout.setObjectName(u"signersLayout")
        self.kepalaDinasBox = QGroupBox(self.signersContents)
        self.kepalaDinasBox.setObjectName(u"kepalaDinasBox")
        self.kepalaDinasForm = QFormLayout(self.kepalaDinasBox)
        self.kepalaDinasForm.setObjectName(u"kepalaDinasForm")
        self.kepalaDinasStaffCaption = QLabel(self.kepalaDinasBox)
        self.kepalaDinasStaffCaption.setObjectName(u"kepalaDinasStaffCaption")

        self.kepalaDinasForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kepalaDinasStaffCaption)

        self.kepalaDinasStaffCombo = QComboBox(self.kepalaDinasBox)
        self.kepalaDinasStaffCombo.setObjectName(u"kepalaDinasStaffCombo")

        self.kepalaDinasForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kepalaDinasStaffCombo)

        self.kepalaDinasNameCaption = QLabel(self.kepalaDinasBox)
        self.kepalaDinasNameCaption.setObjectName(u"kepalaDinasNameCaption")

        self.kepalaDinasForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kepalaDinasNameCaption)

        self.kepalaDinasNameEdit = QLineEdit(self.kepalaDinasBox)
        self.kepalaDinasNameEdit.setObjectName(u"kepalaDinasNameEdit")

        self.kepalaDinasForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kepalaDinasNameEdit)

        self.kepalaDinasNipCaption = QLabel(self.kepalaDinasBox)
        self.kepalaDinasNipCaption.setObjectName(u"kepalaDinasNipCaption")

        self.kepalaDinasForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kepalaDinasNipCaption)

        self.kepalaDinasNipEdit = QLineEdit(self.kepalaDinasBox)
        self.kepalaDinasNipEdit.setObjectName(u"kepalaDinasNipEdit")

        self.kepalaDinasForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kepalaDinasNipEdit)

        self.kepalaDinasPositionCaption = QLabel(self.kepalaDinasBox)
        self.kepalaDinasPositionCaption.setObjectName(u"kepalaDinasPositionCaption")

        self.kepalaDinasForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kepalaDinasPositionCaption)

        self.kepalaDinasPositionEdit = QLineEdit(self.kepalaDinasBox)
        self.kepalaDinasPositionEdit.setObjectName(u"kepalaDinasPositionEdit")

        self.kepalaDinasForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kepalaDinasPositionEdit)

        self.kepalaDinasRankCaption = QLabel(self.kepalaDinasBox)
        self.kepalaDinasRankCaption.setObjectName(u"kepalaDinasRankCaption")

        self.kepalaDinasForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.kepalaDinasRankCaption)

        self.kepalaDinasRankEdit = QLineEdit(self.kepalaDinasBox)
        self.kepalaDinasRankEdit.setObjectName(u"kepalaDinasRankEdit")

        self.kepalaDinasForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.kepalaDinasRankEdit)


        self.signersLayout.addWidget(self.kepalaDinasBox)

        self.kepalaBidangBox = QGroupBox(self.signersContents)
        self.kepalaBidangBox.setObjectName(u"kepalaBidangBox")
        self.kepalaBidangForm = QFormLayout(self.kepalaBidangBox)
        self.kepalaBidangForm.setObjectName(u"kepalaBidangForm")
        self.kepalaBidangStaffCaption = QLabel(self.kepalaBidangBox)
        self.kepalaBidangStaffCaption.setObjectName(u"kepalaBidangStaffCaption")

        self.kepalaBidangForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kepalaBidangStaffCaption)

        self.kepalaBidangStaffCombo = QComboBox(self.kepalaBidangBox)
        self.kepalaBidangStaffCombo.setObjectName(u"kepalaBidangStaffCombo")

        self.kepalaBidangForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kepalaBidangStaffCombo)

        self.kepalaBidangNameCaption = QLabel(self.kepalaBidangBox)
        self.kepalaBidangNameCaption.setObjectName(u"kepalaBidangNameCaption")

        self.kepalaBidangForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kepalaBidangNameCaption)

        self.kepalaBidangNameEdit = QLineEdit(self.kepalaBidangBox)
        self.kepalaBidangNameEdit.setObjectName(u"kepalaBidangNameEdit")

        self.kepalaBidangForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kepalaBidangNameEdit)

        self.kepalaBidangNipCaption = QLabel(self.kepalaBidangBox)
        self.kepalaBidangNipCaption.setObjectName(u"kepalaBidangNipCaption")

        self.kepalaBidangForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kepalaBidangNipCaption)

        self.kepalaBidangNipEdit = QLineEdit(self.kepalaBidangBox)
        self.kepalaBidangNipEdit.setObjectName(u"kepalaBidangNipEdit")

        self.kepalaBidangForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kepalaBidangNipEdit)

        self.kepalaBidangPositionCaption = QLabel(self.kepalaBidangBox)
        self.kepalaBidangPositionCaption.setObjectName(u"kepalaBidangPositionCaption")

        self.kepalaBidangForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kepalaBidangPositionCaption)

        self.kepalaBidangPositionEdit = QLineEdit(self.kepalaBidangBox)
        self.kepalaBidangPositionEdit.setObjectName(u"kepalaBidangPositionEdit")

        self.kepalaBidangForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kepalaBidangPositionEdit)

        self.kepalaBidangRankCaption = QLabel(self.kepalaBidangBox)
        self.kepalaBidangRankCaption.setObjectName(u"kepalaBidangRankCaption")

        self.kepalaBidangForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.kepalaBidangRankCaption)

        self.kepalaBidangRankEdit = QLineEdit(self.kepalaBidangBox)
        self.kepalaBidangRankEdit.setObjectName(u"kepalaBidangRankEdit")

        self.kepalaBidangForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.kepalaBidangRankEdit)


        self.signersLayout.addWidget(self.kepalaBidangBox)

        self.subKorBox = QGroupBox(self.signersContents)
        self.subKorBox.setObjectName(u"subKorBox")
        self.subKorForm = QFormLayout(self.subKorBox)
        self.subKorForm.setObjectName(u"subKorForm")
        self.subKorStaffCaption = QLabel(self.subKorBox)
        self.subKorStaffCaption.setObjectName(u"subKorStaffCaption")

        self.subKorForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.subKorStaffCaption)

        self.subKorStaffCombo = QComboBox(self.subKorBox)
        self.subKorStaffCombo.setObjectName(u"subKorStaffCombo")

        self.subKorForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.subKorStaffCombo)

        self.subKorNameCaption = QLabel(self.subKorBox)
        self.subKorNameCaption.setObjectName(u"subKorNameCaption")

        self.subKorForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.subKorNameCaption)

        self.subKorNameEdit = QLineEdit(self.subKorBox)
        self.subKorNameEdit.setObjectName(u"subKorNameEdit")

        self.subKorForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.subKorNameEdit)

        self.subKorNipCaption = QLabel(self.subKorBox)
        self.subKorNipCaption.setObjectName(u"subKorNipCaption")

        self.subKorForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subKorNipCaption)

        self.subKorNipEdit = QLineEdit(self.subKorBox)
        self.subKorNipEdit.setObjectName(u"subKorNipEdit")

        self.subKorForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subKorNipEdit)

        self.subKorPositionCaption = QLabel(self.subKorBox)
        self.subKorPositionCaption.setObjectName(u"subKorPositionCaption")

        self.subKorForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.subKorPositionCaption)

        self.subKorPositionEdit = QLineEdit(self.subKorBox)
        self.subKorPositionEdit.setObjectName(u"subKorPositionEdit")

        self.subKorForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.subKorPositionEdit)

        self.subKorRankCaption = QLabel(self.subKorBox)
        self.subKorRankCaption.setObjectName(u"subKorRankCaption")

        self.subKorForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.subKorRankCaption)

        self.subKorRankEdit = QLineEdit(self.subKorBox)
        self.subKorRankEdit.setObjectName(u"subKorRankEdit")

        self.subKorForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.subKorRankEdit)


        self.signersLayout.addWidget(self.subKorBox)

        self.signersScroll.setWidget(self.signersContents)

        self.signersScrollLayout.addWidget(self.signersScroll)

        self.tabs.addTab(self.signersTab, "")
        self.paperTab = QWidget()
        self.paperTab.setObjectName(u"paperTab")
        self.paperScrollLayout = QVBoxLayout(self.paperTab)
        self.paperScrollLayout.setObjectName(u"paperScrollLayout")
        self.paperScrollLayout.setContentsMargins(0, 0, 0, 0)
        self.paperScroll = QScrollArea(self.paperTab)
        self.paperScroll.setObjectName(u"paperScroll")
        self.paperScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.paperScroll.setWidgetResizable(True)
        self.paperContents = QWidget()
        self.paperContents.setObjectName(u"paperContents")
        self.paperLayout = QVBoxLayout(self.paperContents)
        self.paperLayout.setObjectName(u"paperLayout")
        self.paperForm = QFormLayout()
        self.paperForm.setObjectName(u"paperForm")
        self.paperCaption = QLabel(self.paperContents)
        self.paperCaption.setObjectName(u"paperCaption")

        self.paperForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.paperCaption)

        self.paperCombo = QComboBox(self.paperContents)
        self.paperCombo.setObjectName(u"paperCombo")

        self.paperForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.paperCombo)

        self.dispositionPaperCaption = QLabel(self.paperContents)
        self.dispositionPaperCaption.setObjectName(u"dispositionPaperCaption")

        self.paperForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dispositionPaperCaption)

        self.dispositionPaperCombo = QComboBox(self.paperContents)
        self.dispositionPaperCombo.setObjectName(u"dispositionPaperCombo")

        self.paperForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dispositionPaperCombo)


        self.paperLayout.addLayout(self.paperForm)

        self.paperHint = QLabel(self.paperContents)
        self.paperHint.setObjectName(u"paperHint")
        self.paperHint.setWordWrap(True)

        self.paperLayout.addWidget(self.paperHint)

        self.paperSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.paperLayout.addItem(self.paperSpacer)

        self.paperScroll.setWidget(self.paperContents)

        self.paperScrollLayout.addWidget(self.paperScroll)

        self.tabs.addTab(self.paperTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(OfficeProfileDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(OfficeProfileDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.governmentCaption.setBuddy(self.governmentEdit)
        self.officeCaption.setBuddy(self.officeEdit)
        self.addressCaption.setBuddy(self.addressEdit)
        self.phoneCaption.setBuddy(self.phoneEdit)
        self.emailCaption.setBuddy(self.emailEdit)
        self.websiteCaption.setBuddy(self.websiteEdit)
        self.cityCaption.setBuddy(self.cityEdit)
        self.kepalaDinasStaffCaption.setBuddy(self.kepalaDinasStaffCombo)
        self.kepalaDinasNameCaption.setBuddy(self.kepalaDinasNameEdit)
        self.kepalaDinasNipCaption.setBuddy(self.kepalaDinasNipEdit)
        self.kepalaDinasPositionCaption.setBuddy(self.kepalaDinasPositionEdit)
        self.kepalaDinasRankCaption.setBuddy(self.kepalaDinasRankEdit)
        self.kepalaBidangStaffCaption.setBuddy(self.kepalaBidangStaffCombo)
        self.kepalaBidangNameCaption.setBuddy(self.kepalaBidangNameEdit)
        self.kepalaBidangNipCaption.setBuddy(self.kepalaBidangNipEdit)
        self.kepalaBidangPositionCaption.setBuddy(self.kepalaBidangPositionEdit)
        self.kepalaBidangRankCaption.setBuddy(self.kepalaBidangRankEdit)
        self.subKorStaffCaption.setBuddy(self.subKorStaffCombo)
        self.subKorNameCaption.setBuddy(self.subKorNameEdit)
        self.subKorNipCaption.setBuddy(self.subKorNipEdit)
        self.subKorPositionCaption.setBuddy(self.subKorPositionEdit)
        self.subKorRankCaption.setBuddy(self.subKorRankEdit)
        self.paperCaption.setBuddy(self.paperCombo)
        self.dispositionPaperCaption.setBuddy(self.dispositionPaperCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OfficeProfileDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(OfficeProfileDialog)
    # setupUi

    def retranslateUi(self, OfficeProfileDialog):
        OfficeProfileDialog.setWindowTitle(QCoreApplication.translate("OfficeProfileDialog", u"Profil Kantor", None))
        self.introLabel.setText(QCoreApplication.translate("OfficeProfileDialog", u"Kop surat, penanda tangan dan ukuran kertas yang dipakai semua dokumen (narasi, lembar disposisi, laporan).", None))
        self.governmentCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Baris &pemerintah:", None))
        self.governmentEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"PEMERINTAH KOTA TANGERANG", None))
        self.officeCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Nama &dinas:", None))
        self.officeEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"DINAS KOMUNIKASI DAN INFORMATIKA", None))
        self.addressCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"&Alamat:", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"mis. Jl. Satria Sudirman No. 1, Kota Tangerang, Banten 15111", None))
        self.phoneCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"&Telepon:", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"mis. (021) 5xxxxxx", None))
        self.emailCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Pos-&el (e-mail):", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"mis. diskominfo@tangerangkota.go.id", None))
        self.websiteCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"La&man (website):", None))
        self.websiteEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"mis. diskominfo.tangerangkota.go.id", None))
        self.cityCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"K&ota (tempat tanggal):", None))
        self.cityEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"Tangerang \u2014 tertulis \"Tangerang, 26 November 2026\"", None))
        self.logoBox.setTitle(QCoreApplication.translate("OfficeProfileDialog", u"Logo (di kiri kop surat)", None))
        self.logoPreview.setText(QCoreApplication.translate("OfficeProfileDialog", u"tanpa logo", None))
        self.chooseLogoButton.setText(QCoreApplication.translate("OfficeProfileDialog", u"Pilih Lo&go\u2026", None))
        self.removeLogoButton.setText(QCoreApplication.translate("OfficeProfileDialog", u"&Hapus Logo", None))
        self.logoInfoLabel.setText(QCoreApplication.translate("OfficeProfileDialog", u"PNG atau JPEG, paling besar 2 MB.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.kopTab), QCoreApplication.translate("OfficeProfileDialog", u"Kop Surat", None))
        self.letterheadHint.setText(QCoreApplication.translate("OfficeProfileDialog", u"Kop surat resmi kantor sendiri, bila ada. Dokumen Word memakai berkas Word-nya (kop di header halaman pertama), PDF dan cetakan memakai gambarnya. Tanpa pilihan, kop bawaan dari tab Kop Surat yang dipakai.", None))
        self.letterheadDocxBox.setTitle(QCoreApplication.translate("OfficeProfileDialog", u"Kop untuk dokumen Word (.docx)", None))
        self.letterheadDocxLabel.setText(QCoreApplication.translate("OfficeProfileDialog", u"kop bawaan", None))
        self.chooseLetterheadDocxButton.setText(QCoreApplication.translate("OfficeProfileDialog", u"Pilih Berkas &Word\u2026", None))
        self.removeLetterheadDocxButton.setText(QCoreApplication.translate("OfficeProfileDialog", u"Hapus", None))
        self.letterheadImageBox.setTitle(QCoreApplication.translate("OfficeProfileDialog", u"Gambar kop untuk PDF dan cetak (PNG/JPEG)", None))
        self.letterheadImagePreview.setText(QCoreApplication.translate("OfficeProfileDialog", u"kop bawaan", None))
        self.chooseLetterheadImageButton.setText(QCoreApplication.translate("OfficeProfileDialog", u"Pilih &Gambar Kop\u2026", None))
        self.removeLetterheadImageButton.setText(QCoreApplication.translate("OfficeProfileDialog", u"Hapus", None))
        self.tabs.setTabText(self.tabs.indexOf(self.letterheadTab), QCoreApplication.translate("OfficeProfileDialog", u"Kop Kantor", None))
        self.kepalaDinasBox.setTitle(QCoreApplication.translate("OfficeProfileDialog", u"Kepala Dinas", None))
        self.kepalaDinasStaffCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Dari direktori:", None))
        self.kepalaDinasNameCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Nama:", None))
        self.kepalaDinasNameEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"nama lengkap dengan gelar", None))
        self.kepalaDinasNipCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"NIP:", None))
        self.kepalaDinasNipEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"18 digit, mis. 19730104 199703 2 001", None))
        self.kepalaDinasPositionCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Jabatan:", None))
        self.kepalaDinasRankCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Pangkat/Gol.:", None))
        self.kepalaDinasRankEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"mis. Pembina Utama Muda (IV/c); kosongkan bila tidak ada", None))
        self.kepalaBidangBox.setTitle(QCoreApplication.translate("OfficeProfileDialog", u"Kepala Bidang", None))
        self.kepalaBidangStaffCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Dari direktori:", None))
        self.kepalaBidangNameCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Nama:", None))
        self.kepalaBidangNameEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"nama lengkap dengan gelar", None))
        self.kepalaBidangNipCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"NIP:", None))
        self.kepalaBidangNipEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"18 digit, mis. 19730104 199703 2 001", None))
        self.kepalaBidangPositionCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Jabatan:", None))
        self.kepalaBidangRankCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Pangkat/Gol.:", None))
        self.kepalaBidangRankEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"mis. Pembina Utama Muda (IV/c); kosongkan bila tidak ada", None))
        self.subKorBox.setTitle(QCoreApplication.translate("OfficeProfileDialog", u"Sub Koordinator", None))
        self.subKorStaffCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Dari direktori:", None))
        self.subKorNameCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Nama:", None))
        self.subKorNameEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"nama lengkap dengan gelar", None))
        self.subKorNipCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"NIP:", None))
        self.subKorNipEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"18 digit, mis. 19730104 199703 2 001", None))
        self.subKorPositionCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Jabatan:", None))
        self.subKorRankCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Pangkat/Gol.:", None))
        self.subKorRankEdit.setPlaceholderText(QCoreApplication.translate("OfficeProfileDialog", u"mis. Pembina Utama Muda (IV/c); kosongkan bila tidak ada", None))
        self.tabs.setTabText(self.tabs.indexOf(self.signersTab), QCoreApplication.translate("OfficeProfileDialog", u"Penanda Tangan", None))
        self.paperCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"&Narasi dan laporan:", None))
        self.dispositionPaperCaption.setText(QCoreApplication.translate("OfficeProfileDialog", u"Lembar &disposisi:", None))
        self.paperHint.setText(QCoreApplication.translate("OfficeProfileDialog", u"Margin mengikuti kebiasaan naskah dinas: 2 cm atas, kanan dan bawah, 2,5 cm kiri (setengah folio: tepi sempit). Lembar disposisi selalu dicetak pada satu halaman.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.paperTab), QCoreApplication.translate("OfficeProfileDialog", u"Kertas", None))
    # retranslateUi

