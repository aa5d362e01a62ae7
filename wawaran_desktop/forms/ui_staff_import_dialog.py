# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'staff_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget, QVBoxLayout)

class Ui_StaffImportDialog(object):
    def setupUi(self, StaffImportDialog):
        if not StaffImportDialog.objectName():
            StaffImportDialog.setObjectName(u"StaffImportDialog")
        StaffImportDialog.resize(1100, 520)
        self.mainLayout = QVBoxLayout(StaffImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileCaption = QLabel(StaffImportDialog)
        self.fileCaption.setObjectName(u"fileCaption")

        self.fileLayout.addWidget(self.fileCaption)

        self.fileEdit = QLineEdit(StaffImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.chooseButton = QPushButton(StaffImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.mainLayout.addLayout(self.fileLayout)

        self.hintLabel = QLabel(StaffImportDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.previewTable = QTableWidget(StaffImportDialog)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previewTable.setAlternatingRowColors(False)
        self.previewTable.setWordWrap(False)
        self.previewTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.previewTable)

        self.summaryLabel = QLabel(StaffImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.errorLabel = QLabel(StaffImportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.addButton = QPushButton(StaffImportDialog)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setEnabled(False)

        self.buttonLayout.addWidget(self.addButton)

        self.buttonBox = QDialogButtonBox(StaffImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.fileCaption.setBuddy(self.chooseButton)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StaffImportDialog)

        QMetaObject.connectSlotsByName(StaffImportDialog)
    # setupUi

    def retranslateUi(self, StaffImportDialog):
        StaffImportDialog.setWindowTitle(QCoreApplication.translate("StaffImportDialog", u"Impor Petugas dari Berkas", None))
        self.fileCaption.setText(QCoreApplication.translate("StaffImportDialog", u"Berkas:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("StaffImportDialog", u"Belum ada berkas dipilih", None))
        self.chooseButton.setText(QCoreApplication.translate("StaffImportDialog", u"&Pilih Berkas\u2026", None))
        self.hintLabel.setText(QCoreApplication.translate("StaffImportDialog", u"Daftar petugas dalam berkas Excel (.xlsx, lembar pertama) atau .csv (dipisah koma atau titik koma). Baris judul kolom: Nama, NIP, Jabatan, Pangkat/Golongan, Peran (boleh juga Name, Position, Rank, Role). Peran diisi nama peran SOP, mis. Tim atau Kernet/Supir.", None))
        self.addButton.setText(QCoreApplication.translate("StaffImportDialog", u"Tambahkan 0 petugas", None))
    # retranslateUi

