# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'campaign_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QFrame, QGroupBox, QLabel, QLineEdit, QSizePolicy, QTextBrowser, QVBoxLayout)

from wawaran_desktop.views.inline_message import MessageLabel

class Ui_CampaignDialog(object):
    def setupUi(self, CampaignDialog):
        if not CampaignDialog.objectName():
            CampaignDialog.setObjectName(u"CampaignDialog")
        CampaignDialog.resize(520, 200)
        self.mainLayout = QVBoxLayout(CampaignDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.followupsBox = QGroupBox(CampaignDialog)
        self.followupsBox.setObjectName(u"followupsBox")
        self.followupsLayout = QVBoxLayout(self.followupsBox)
        self.followupsLayout.setObjectName(u"followupsLayout")
        self.followupsText = QTextBrowser(self.followupsBox)
        self.followupsText.setObjectName(u"followupsText")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.followupsText.sizePolicy().hasHeightForWidth())
        self.followupsText.setSizePolicy(sizePolicy)
        self.followupsText.setFrameShape(QFrame.Shape.NoFrame)
        self.followupsText.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.followupsText.setOpenLinks(False)

        self.followupsLayout.addWidget(self.followupsText)


        self.mainLayout.addWidget(self.followupsBox)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleCaption = QLabel(CampaignDialog)
        self.titleCaption.setObjectName(u"titleCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleCaption)

        self.titleEdit = QLineEdit(CampaignDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.themeCaption = QLabel(CampaignDialog)
        self.themeCaption.setObjectName(u"themeCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.themeCaption)

        self.themeEdit = QLineEdit(CampaignDialog)
        self.themeEdit.setObjectName(u"themeEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.themeEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.counterLabel = QLabel(CampaignDialog)
        self.counterLabel.setObjectName(u"counterLabel")
        self.counterLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.mainLayout.addWidget(self.counterLabel)

        self.errorLabel = MessageLabel(CampaignDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CampaignDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleCaption.setBuddy(self.titleEdit)
        self.themeCaption.setBuddy(self.themeEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CampaignDialog)

        QMetaObject.connectSlotsByName(CampaignDialog)
    # setupUi

    def retranslateUi(self, CampaignDialog):
        CampaignDialog.setWindowTitle(QCoreApplication.translate("CampaignDialog", u"Kampanye Wawaran", None))
        self.followupsBox.setTitle(QCoreApplication.translate("CampaignDialog", u"Bahan evaluasi kegiatan wawaran selanjutnya", None))
#if QT_CONFIG(tooltip)
        self.followupsText.setToolTip(QCoreApplication.translate("CampaignDialog", u"Butir tindak lanjut dari evaluasi kampanye terakhir (tahap 9)", None))
#endif // QT_CONFIG(tooltip)
        self.titleCaption.setText(QCoreApplication.translate("CampaignDialog", u"&Judul:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("CampaignDialog", u"mis. Wawaran Pencegahan DBD di Kecamatan Cipondoh", None))
        self.themeCaption.setText(QCoreApplication.translate("CampaignDialog", u"&Tema:", None))
        self.themeEdit.setPlaceholderText(QCoreApplication.translate("CampaignDialog", u"boleh diisi nanti pada tahap 3", None))
    # retranslateUi

