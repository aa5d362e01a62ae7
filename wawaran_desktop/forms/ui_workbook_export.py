# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'workbook_export.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

class Ui_WorkbookExportDialog(object):
    def setupUi(self, WorkbookExportDialog):
        if not WorkbookExportDialog.objectName():
            WorkbookExportDialog.setObjectName(u"WorkbookExportDialog")
        WorkbookExportDialog.resize(440, 230)
        self.mainLayout = QVBoxLayout(WorkbookExportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(WorkbookExportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.fromCaption = QLabel(WorkbookExportDialog)
        self.fromCaption.setObjectName(u"fromCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fromCaption)

        self.fromEdit = QDateEdit(WorkbookExportDialog)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fromEdit)

        self.toCaption = QLabel(WorkbookExportDialog)
        self.toCaption.setObjectName(u"toCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.toCaption)

        self.toEdit = QDateEdit(WorkbookExportDialog)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.toEdit)

        self.statusCaption = QLabel(WorkbookExportDialog)
        self.statusCaption.setObjectName(u"statusCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.statusCaption)

        self.statusCombo = QComboBox(WorkbookExportDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.textCaption = QLabel(WorkbookExportDialog)
        self.textCaption.setObjectName(u"textCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.textCaption)

        self.textEdit = QLineEdit(WorkbookExportDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setClearButtonEnabled(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.textEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.countLabel = QLabel(WorkbookExportDialog)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.mainLayout.addWidget(self.countLabel)

        self.buttonBox = QDialogButtonBox(WorkbookExportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.fromCaption.setBuddy(self.fromEdit)
        self.toCaption.setBuddy(self.toEdit)
        self.statusCaption.setBuddy(self.statusCombo)
        self.textCaption.setBuddy(self.textEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fromEdit, self.toEdit)
        QWidget.setTabOrder(self.toEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.textEdit)

        self.retranslateUi(WorkbookExportDialog)

        QMetaObject.connectSlotsByName(WorkbookExportDialog)
    # setupUi

    def retranslateUi(self, WorkbookExportDialog):
        WorkbookExportDialog.setWindowTitle(QCoreApplication.translate("WorkbookExportDialog", u"Buku Kerja Evaluator", None))
        self.introLabel.setText(QCoreApplication.translate("WorkbookExportDialog", u"Satu buku kerja Excel: ringkasan dengan grafik, lalu satu baris per kampanye, per tahap, dan per lokasi rute. Kampanye dipilih menurut tanggal dibuat (WIB).", None))
        self.fromCaption.setText(QCoreApplication.translate("WorkbookExportDialog", u"&Dari tanggal:", None))
        self.fromEdit.setDisplayFormat(QCoreApplication.translate("WorkbookExportDialog", u"dd/MM/yyyy", None))
        self.toCaption.setText(QCoreApplication.translate("WorkbookExportDialog", u"&Sampai tanggal:", None))
        self.toEdit.setDisplayFormat(QCoreApplication.translate("WorkbookExportDialog", u"dd/MM/yyyy", None))
        self.statusCaption.setText(QCoreApplication.translate("WorkbookExportDialog", u"S&tatus:", None))
        self.textCaption.setText(QCoreApplication.translate("WorkbookExportDialog", u"&Kata kunci:", None))
        self.textEdit.setPlaceholderText(QCoreApplication.translate("WorkbookExportDialog", u"judul atau tema (boleh kosong)", None))
    # retranslateUi

