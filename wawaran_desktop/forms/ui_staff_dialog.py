# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'staff_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout)

from wawaran_desktop.views.inline_message import MessageLabel

class Ui_StaffDialog(object):
    def setupUi(self, StaffDialog):
        if not StaffDialog.objectName():
            StaffDialog.setObjectName(u"StaffDialog")
        StaffDialog.resize(1180, 500)
        self.mainLayout = QVBoxLayout(StaffDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.staffTable = QTableView(StaffDialog)
        self.staffTable.setObjectName(u"staffTable")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(3)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.staffTable.sizePolicy().hasHeightForWidth())
        self.staffTable.setSizePolicy(sizePolicy)
        self.staffTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.staffTable.setAlternatingRowColors(True)
        self.staffTable.setWordWrap(False)
        self.staffTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.staffTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.staffTable.verticalHeader().setVisible(False)

        self.bodyLayout.addWidget(self.staffTable)

        self.editBox = QGroupBox(StaffDialog)
        self.editBox.setObjectName(u"editBox")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.editBox.sizePolicy().hasHeightForWidth())
        self.editBox.setSizePolicy(sizePolicy1)
        self.editLayout = QVBoxLayout(self.editBox)
        self.editLayout.setObjectName(u"editLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameCaption = QLabel(self.editBox)
        self.nameCaption.setObjectName(u"nameCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameCaption)

        self.nameEdit = QLineEdit(self.editBox)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nipCaption = QLabel(self.editBox)
        self.nipCaption.setObjectName(u"nipCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nipCaption)

        self.nipEdit = QLineEdit(self.editBox)
        self.nipEdit.setObjectName(u"nipEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nipEdit)

        self.positionCaption = QLabel(self.editBox)
        self.positionCaption.setObjectName(u"positionCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.positionCaption)

        self.positionEdit = QLineEdit(self.editBox)
        self.positionEdit.setObjectName(u"positionEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.positionEdit)

        self.rankCaption = QLabel(self.editBox)
        self.rankCaption.setObjectName(u"rankCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rankCaption)

        self.rankCombo = QComboBox(self.editBox)
        self.rankCombo.setObjectName(u"rankCombo")
        self.rankCombo.setEditable(True)
        self.rankCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rankCombo)

        self.laneCaption = QLabel(self.editBox)
        self.laneCaption.setObjectName(u"laneCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.laneCaption)

        self.laneCombo = QComboBox(self.editBox)
        self.laneCombo.setObjectName(u"laneCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.laneCombo)

        self.activeCheck = QCheckBox(self.editBox)
        self.activeCheck.setObjectName(u"activeCheck")
        self.activeCheck.setChecked(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.activeCheck)


        self.editLayout.addLayout(self.formLayout)

        self.editButtons = QHBoxLayout()
        self.editButtons.setObjectName(u"editButtons")
        self.newButton = QPushButton(self.editBox)
        self.newButton.setObjectName(u"newButton")

        self.editButtons.addWidget(self.newButton)

        self.saveButton = QPushButton(self.editBox)
        self.saveButton.setObjectName(u"saveButton")

        self.editButtons.addWidget(self.saveButton)


        self.editLayout.addLayout(self.editButtons)

        self.errorLabel = MessageLabel(self.editBox)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.editLayout.addWidget(self.errorLabel)

        self.editSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.editLayout.addItem(self.editSpacer)


        self.bodyLayout.addWidget(self.editBox)


        self.mainLayout.addLayout(self.bodyLayout)

        self.bottomButtons = QHBoxLayout()
        self.bottomButtons.setObjectName(u"bottomButtons")
        self.importButton = QPushButton(StaffDialog)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setAutoDefault(False)

        self.bottomButtons.addWidget(self.importButton)

        self.buttonBox = QDialogButtonBox(StaffDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.bottomButtons.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.bottomButtons)

#if QT_CONFIG(shortcut)
        self.nameCaption.setBuddy(self.nameEdit)
        self.nipCaption.setBuddy(self.nipEdit)
        self.positionCaption.setBuddy(self.positionEdit)
        self.rankCaption.setBuddy(self.rankCombo)
        self.laneCaption.setBuddy(self.laneCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StaffDialog)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(StaffDialog)
    # setupUi

    def retranslateUi(self, StaffDialog):
        StaffDialog.setWindowTitle(QCoreApplication.translate("StaffDialog", u"Direktori Petugas", None))
        self.editBox.setTitle(QCoreApplication.translate("StaffDialog", u"Petugas baru", None))
        self.nameCaption.setText(QCoreApplication.translate("StaffDialog", u"&Nama:", None))
        self.nipCaption.setText(QCoreApplication.translate("StaffDialog", u"N&IP:", None))
        self.nipEdit.setPlaceholderText(QCoreApplication.translate("StaffDialog", u"18 digit, mis. 19730104 199703 2 001 (kosongkan bila non-ASN)", None))
        self.positionCaption.setText(QCoreApplication.translate("StaffDialog", u"&Jabatan:", None))
        self.rankCaption.setText(QCoreApplication.translate("StaffDialog", u"Pang&kat/Gol.:", None))
#if QT_CONFIG(tooltip)
        self.rankCombo.setToolTip(QCoreApplication.translate("StaffDialog", u"Pangkat dan golongan/ruang untuk blok tanda tangan dokumen; pilih atau ketik sendiri, kosongkan bila tidak ada", None))
#endif // QT_CONFIG(tooltip)
        self.laneCaption.setText(QCoreApplication.translate("StaffDialog", u"&Peran:", None))
        self.laneCombo.setPlaceholderText(QCoreApplication.translate("StaffDialog", u"\u2014 pilih peran \u2014", None))
#if QT_CONFIG(tooltip)
        self.laneCombo.setToolTip(QCoreApplication.translate("StaffDialog", u"Peran (pelaksana) menentukan tahap yang boleh dikerjakan petugas: wajib dipilih untuk setiap petugas", None))
#endif // QT_CONFIG(tooltip)
        self.activeCheck.setText(QCoreApplication.translate("StaffDialog", u"&Aktif", None))
        self.newButton.setText(QCoreApplication.translate("StaffDialog", u"Petugas &Baru", None))
        self.saveButton.setText(QCoreApplication.translate("StaffDialog", u"&Simpan", None))
        self.importButton.setText(QCoreApplication.translate("StaffDialog", u"Impo&r dari Berkas\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("StaffDialog", u"Tambahkan petugas dari daftar Excel (.xlsx) atau .csv, dengan pratinjau dan pemeriksaan NIP", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

