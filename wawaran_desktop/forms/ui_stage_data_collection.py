# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_data_collection.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListView, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

from wawaran_desktop.views.inline_message import MessageLabel

class Ui_DataCollectionPanel(object):
    def setupUi(self, DataCollectionPanel):
        if not DataCollectionPanel.objectName():
            DataCollectionPanel.setObjectName(u"DataCollectionPanel")
        DataCollectionPanel.resize(560, 330)
        self.outerLayout = QVBoxLayout(DataCollectionPanel)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(DataCollectionPanel)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentLayout = QVBoxLayout(self.scrollContents)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(0, 0, 4, 0)
        self.listLayout = QHBoxLayout()
        self.listLayout.setObjectName(u"listLayout")
        self.itemsTable = QTableView(self.scrollContents)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setMinimumSize(QSize(0, 100))
        self.itemsTable.setMaximumSize(QSize(16777215, 116))
        self.itemsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.itemsTable.setAlternatingRowColors(True)
        self.itemsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.itemsTable.setWordWrap(False)
        self.itemsTable.horizontalHeader().setStretchLastSection(False)
        self.itemsTable.verticalHeader().setVisible(False)
        self.itemsTable.verticalHeader().setDefaultSectionSize(22)

        self.listLayout.addWidget(self.itemsTable)

        self.listButtons = QVBoxLayout()
        self.listButtons.setSpacing(3)
        self.listButtons.setObjectName(u"listButtons")
        self.addButton = QPushButton(self.scrollContents)
        self.addButton.setObjectName(u"addButton")

        self.listButtons.addWidget(self.addButton)

        self.removeButton = QPushButton(self.scrollContents)
        self.removeButton.setObjectName(u"removeButton")

        self.listButtons.addWidget(self.removeButton)

        self.upButton = QPushButton(self.scrollContents)
        self.upButton.setObjectName(u"upButton")

        self.listButtons.addWidget(self.upButton)

        self.downButton = QPushButton(self.scrollContents)
        self.downButton.setObjectName(u"downButton")

        self.listButtons.addWidget(self.downButton)

        self.listButtonsSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.listButtons.addItem(self.listButtonsSpacer)


        self.listLayout.addLayout(self.listButtons)


        self.contentLayout.addLayout(self.listLayout)

        self.detailLayout = QHBoxLayout()
        self.detailLayout.setObjectName(u"detailLayout")
        self.editBox = QGroupBox(self.scrollContents)
        self.editBox.setObjectName(u"editBox")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(3)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.editBox.sizePolicy().hasHeightForWidth())
        self.editBox.setSizePolicy(sizePolicy)
        self.editLayout = QVBoxLayout(self.editBox)
        self.editLayout.setSpacing(4)
        self.editLayout.setObjectName(u"editLayout")
        self.editLayout.setContentsMargins(6, 4, 6, 4)
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.formLayout.setVerticalSpacing(4)
        self.topicCaption = QLabel(self.editBox)
        self.topicCaption.setObjectName(u"topicCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.topicCaption)

        self.topicEdit = QLineEdit(self.editBox)
        self.topicEdit.setObjectName(u"topicEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.topicEdit)

        self.summaryCaption = QLabel(self.editBox)
        self.summaryCaption.setObjectName(u"summaryCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.summaryCaption)

        self.summaryEdit = QPlainTextEdit(self.editBox)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMinimumSize(QSize(0, 44))
        self.summaryEdit.setMaximumSize(QSize(16777215, 56))
        self.summaryEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.sourceCaption = QLabel(self.editBox)
        self.sourceCaption.setObjectName(u"sourceCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sourceCaption)

        self.sourceCombo = QComboBox(self.editBox)
        self.sourceCombo.setObjectName(u"sourceCombo")
        self.sourceCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sourceCombo.setMinimumContentsLength(12)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sourceCombo)

        self.sourceNameCaption = QLabel(self.editBox)
        self.sourceNameCaption.setObjectName(u"sourceNameCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sourceNameCaption)

        self.sourceNameEdit = QLineEdit(self.editBox)
        self.sourceNameEdit.setObjectName(u"sourceNameEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sourceNameEdit)

        self.referenceCaption = QLabel(self.editBox)
        self.referenceCaption.setObjectName(u"referenceCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.referenceCaption)

        self.referenceEdit = QLineEdit(self.editBox)
        self.referenceEdit.setObjectName(u"referenceEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.referenceEdit)

        self.dateCheck = QCheckBox(self.editBox)
        self.dateCheck.setObjectName(u"dateCheck")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.dateCheck)

        self.dateEdit = QDateEdit(self.editBox)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.priorityCaption = QLabel(self.editBox)
        self.priorityCaption.setObjectName(u"priorityCaption")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.priorityCaption)

        self.priorityLayout = QHBoxLayout()
        self.priorityLayout.setObjectName(u"priorityLayout")
        self.priorityCombo = QComboBox(self.editBox)
        self.priorityCombo.setObjectName(u"priorityCombo")

        self.priorityLayout.addWidget(self.priorityCombo)

        self.prioritySpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.priorityLayout.addItem(self.prioritySpacer)

        self.saveButton = QPushButton(self.editBox)
        self.saveButton.setObjectName(u"saveButton")

        self.priorityLayout.addWidget(self.saveButton)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.priorityLayout)


        self.editLayout.addLayout(self.formLayout)

        self.errorLabel = MessageLabel(self.editBox)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.editLayout.addWidget(self.errorLabel)


        self.detailLayout.addWidget(self.editBox)

        self.attachBox = QGroupBox(self.scrollContents)
        self.attachBox.setObjectName(u"attachBox")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(2)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.attachBox.sizePolicy().hasHeightForWidth())
        self.attachBox.setSizePolicy(sizePolicy1)
        self.attachLayout = QVBoxLayout(self.attachBox)
        self.attachLayout.setSpacing(4)
        self.attachLayout.setObjectName(u"attachLayout")
        self.attachLayout.setContentsMargins(6, 4, 6, 4)
        self.attachmentList = QListView(self.attachBox)
        self.attachmentList.setObjectName(u"attachmentList")
        self.attachmentList.setMinimumSize(QSize(0, 52))
        self.attachmentList.setMaximumSize(QSize(16777215, 80))

        self.attachLayout.addWidget(self.attachmentList)

        self.attachLower = QHBoxLayout()
        self.attachLower.setSpacing(4)
        self.attachLower.setObjectName(u"attachLower")
        self.previewLabel = QLabel(self.attachBox)
        self.previewLabel.setObjectName(u"previewLabel")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.previewLabel.sizePolicy().hasHeightForWidth())
        self.previewLabel.setSizePolicy(sizePolicy2)
        self.previewLabel.setMinimumSize(QSize(100, 100))
        self.previewLabel.setFrameShape(QFrame.Shape.StyledPanel)
        self.previewLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previewLabel.setWordWrap(True)
        self.previewLabel.setStyleSheet(u"color: #666666;")

        self.attachLower.addWidget(self.previewLabel)

        self.attachButtons = QVBoxLayout()
        self.attachButtons.setSpacing(3)
        self.attachButtons.setObjectName(u"attachButtons")
        self.attachButton = QPushButton(self.attachBox)
        self.attachButton.setObjectName(u"attachButton")

        self.attachButtons.addWidget(self.attachButton)

        self.openButton = QPushButton(self.attachBox)
        self.openButton.setObjectName(u"openButton")

        self.attachButtons.addWidget(self.openButton)

        self.detachButton = QPushButton(self.attachBox)
        self.detachButton.setObjectName(u"detachButton")

        self.attachButtons.addWidget(self.detachButton)

        self.attachSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.attachButtons.addItem(self.attachSpacer)


        self.attachLower.addLayout(self.attachButtons)


        self.attachLayout.addLayout(self.attachLower)


        self.detailLayout.addWidget(self.attachBox)


        self.contentLayout.addLayout(self.detailLayout)

        self.contentSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.contentSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.topicCaption.setBuddy(self.topicEdit)
        self.summaryCaption.setBuddy(self.summaryEdit)
        self.sourceCaption.setBuddy(self.sourceCombo)
        self.sourceNameCaption.setBuddy(self.sourceNameEdit)
        self.referenceCaption.setBuddy(self.referenceEdit)
        self.priorityCaption.setBuddy(self.priorityCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.itemsTable, self.addButton)
        QWidget.setTabOrder(self.addButton, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)
        QWidget.setTabOrder(self.downButton, self.topicEdit)
        QWidget.setTabOrder(self.topicEdit, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.sourceCombo)
        QWidget.setTabOrder(self.sourceCombo, self.sourceNameEdit)
        QWidget.setTabOrder(self.sourceNameEdit, self.referenceEdit)
        QWidget.setTabOrder(self.referenceEdit, self.dateCheck)
        QWidget.setTabOrder(self.dateCheck, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.priorityCombo)
        QWidget.setTabOrder(self.priorityCombo, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.attachmentList)
        QWidget.setTabOrder(self.attachmentList, self.attachButton)
        QWidget.setTabOrder(self.attachButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.detachButton)

        self.retranslateUi(DataCollectionPanel)

        QMetaObject.connectSlotsByName(DataCollectionPanel)
    # setupUi

    def retranslateUi(self, DataCollectionPanel):
#if QT_CONFIG(tooltip)
        self.itemsTable.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Item data kampanye ini, urut menurut kepentingan", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(QCoreApplication.translate("DataCollectionPanel", u"Tamba&h", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Kosongkan formulir untuk item data baru", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("DataCollectionPanel", u"Hapus", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Hapus item terpilih beserta lampirannya", None))
#endif // QT_CONFIG(tooltip)
        self.upButton.setText(QCoreApplication.translate("DataCollectionPanel", u"&Naik", None))
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Pindahkan item terpilih satu urutan ke atas", None))
#endif // QT_CONFIG(tooltip)
        self.downButton.setText(QCoreApplication.translate("DataCollectionPanel", u"Turun", None))
#if QT_CONFIG(tooltip)
        self.downButton.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Pindahkan item terpilih satu urutan ke bawah", None))
#endif // QT_CONFIG(tooltip)
        self.editBox.setTitle(QCoreApplication.translate("DataCollectionPanel", u"Item data baru", None))
        self.topicCaption.setText(QCoreApplication.translate("DataCollectionPanel", u"T&opik:", None))
        self.topicEdit.setPlaceholderText(QCoreApplication.translate("DataCollectionPanel", u"Trending topic atau info penting (wajib)", None))
        self.summaryCaption.setText(QCoreApplication.translate("DataCollectionPanel", u"&Ringkasan:", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("DataCollectionPanel", u"Ringkasan singkat isi informasi", None))
        self.sourceCaption.setText(QCoreApplication.translate("DataCollectionPanel", u"Sumb&er:", None))
        self.sourceNameCaption.setText(QCoreApplication.translate("DataCollectionPanel", u"Nama sumber:", None))
        self.sourceNameEdit.setPlaceholderText(QCoreApplication.translate("DataCollectionPanel", u"Sumber lainnya, mis. Puskesmas, akun resmi OPD", None))
        self.referenceCaption.setText(QCoreApplication.translate("DataCollectionPanel", u"Re&ferensi:", None))
        self.referenceEdit.setPlaceholderText(QCoreApplication.translate("DataCollectionPanel", u"Tautan https://\u2026 atau nomor/nama dokumen", None))
        self.dateCheck.setText(QCoreApplication.translate("DataCollectionPanel", u"Tanggal:", None))
#if QT_CONFIG(tooltip)
        self.dateCheck.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Hilangkan centang bila data tidak bertanggal", None))
#endif // QT_CONFIG(tooltip)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("DataCollectionPanel", u"dddd, d MMMM yyyy", None))
        self.priorityCaption.setText(QCoreApplication.translate("DataCollectionPanel", u"Prioritas:", None))
        self.saveButton.setText(QCoreApplication.translate("DataCollectionPanel", u"S&impan", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Simpan item ini (isian juga tersimpan saat pindah kolom)", None))
#endif // QT_CONFIG(tooltip)
        self.attachBox.setTitle(QCoreApplication.translate("DataCollectionPanel", u"Lampiran item", None))
#if QT_CONFIG(tooltip)
        self.attachmentList.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Klik dua kali untuk membuka lampiran", None))
#endif // QT_CONFIG(tooltip)
        self.attachButton.setText(QCoreApplication.translate("DataCollectionPanel", u"Tambah\u2026", None))
#if QT_CONFIG(tooltip)
        self.attachButton.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Salin dokumen atau gambar ke folder data sebagai lampiran item ini", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("DataCollectionPanel", u"B&uka", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Buka lampiran dengan aplikasi bawaan komputer", None))
#endif // QT_CONFIG(tooltip)
        self.detachButton.setText(QCoreApplication.translate("DataCollectionPanel", u"Hapus", None))
#if QT_CONFIG(tooltip)
        self.detachButton.setToolTip(QCoreApplication.translate("DataCollectionPanel", u"Hapus lampiran terpilih beserta salinannya di folder data", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

